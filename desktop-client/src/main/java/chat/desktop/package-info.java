/**
 * The JavaFX desktop app. One package per screen, each a {@link chat.desktop.View} (controls, built in
 * code) and a ViewModel (state and logic, no controls, tested with plain JUnit). Lists draw their rows
 * through {@link chat.desktop.Cells}, style classes are named in {@link chat.desktop.Styles}, and
 * {@link chat.desktop.Theme} applies AtlantaFX's light or dark theme. {@link chat.desktop.Ui} is the one
 * place work leaves the FX thread and results come back to it; {@link chat.desktop.main.Session} is
 * the logged-in user's link to the server, on top of {@code client-core}.
 */
package chat.desktop;
