package chat.bots;

import picocli.CommandLine;

/**
 * The share of a run one process takes when the run is spread over several ({@code --procs}): the
 * users whose index leaves {@code index} when divided by {@code count}, and their share of the rate.
 */
record Part(int index, int count) {

  static final Part WHOLE = new Part(0, 1);

  Part {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("a part is K/N with 0 <= K < N: " + index + "/" + count);
    }
  }

  boolean owns(int user) {
    return user % count == index;
  }

  boolean isWhole() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }

  /** "K/N". */
  static final class Converter implements CommandLine.ITypeConverter<Part> {

    @Override
    public Part convert(String text) {
      String[] numbers = text.split("/");
      if (numbers.length != 2) {
        throw new CommandLine.TypeConversionException("a part is K/N, such as 0/2: " + text);
      }
      return new Part(Integer.parseInt(numbers[0].trim()), Integer.parseInt(numbers[1].trim()));
    }
  }
}
