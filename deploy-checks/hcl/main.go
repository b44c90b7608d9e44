// Checks every Terraform file under the directories given: it must parse with HashiCorp's own HCL
// parser and be formatted as hclwrite formats it (the formatter `terraform fmt` is built on). Prints
// each problem and exits 1 if there is any.
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: hcl-check DIR...")
		os.Exit(2)
	}
	parser := hclparse.NewParser()
	checked, problems := 0, 0
	for _, root := range os.Args[1:] {
		err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if entry.IsDir() && path != root && strings.HasPrefix(entry.Name(), ".") {
				return filepath.SkipDir
			}
			if entry.IsDir() || !(strings.HasSuffix(path, ".tf") || strings.HasSuffix(path, ".tfvars")) {
				return nil
			}
			checked++
			source, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if _, diagnostics := parser.ParseHCL(source, path); diagnostics.HasErrors() {
				problems++
				fmt.Printf("%s: does not parse: %s\n", path, diagnostics.Error())
				return nil
			}
			if !bytes.Equal(hclwrite.Format(source), source) {
				problems++
				fmt.Printf("%s: not formatted (terraform fmt would change it)\n", path)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	if checked == 0 {
		fmt.Println("no Terraform files found")
		os.Exit(1)
	}
	fmt.Printf("%d Terraform files: %d problems\n", checked, problems)
	if problems > 0 {
		os.Exit(1)
	}
}
