package cmd

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// Cobra's bash script leans on the bash-completion package
// (_get_comp_words_by_ref, _filedir), which a plain bash, and macOS's, do
// not have: there every TAB printed "_get_comp_words_by_ref: command not
// found". The script b22 writes uses the package where it is loaded and
// plain bash otherwise. And where only folders (b22 test, lint) or answers
// files are valid, a folder with none of them no longer falls back to
// every file name (complete -o default).

// bashCompat is the script's own versions of the package's functions.
const bashCompat = `
# Without the bash-completion package: the words of the line up to the
# cursor, split at blanks only (so that --format=js stays one word, as
# _get_comp_words_by_ref -n =: gives it).
__b22_init_completion()
{
    COMPREPLY=()
    if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        _get_comp_words_by_ref "$@" cur prev words cword
        return
    fi
    local line=${COMP_LINE:0:COMP_POINT}
    read -ra words <<< "$line"
    if [[ ${#words[@]} -eq 0 || $line == *[[:blank:]] ]]; then
        words+=("")
    fi
    cword=$((${#words[@]} - 1))
    cur=${words[cword]}
    prev=
    if ((cword > 0)); then
        prev=${words[cword-1]}
    fi
}

# _filedir where the bash-completion package has it; otherwise folders
# (-d), or folders and the files whose extension is in the list ("json|yaml|").
__b22_filedir()
{
    if declare -F _filedir >/dev/null 2>&1; then
        _filedir "$@"
        return
    fi
    local IFS=$'\n' f exts
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -d -- "$cur"))
    if [[ $1 == -d ]]; then
        return
    fi
    exts=${1%|}
    for f in $(compgen -f -- "$cur"); do
        if [[ ! -d $f ]] && { [[ -z $exts ]] || [[ ${f##*.} =~ ^($exts)$ ]]; }; then
            COMPREPLY+=("$f")
        fi
    done
}
`

// patchBash rewrites cobra's bash script as above; it fails if cobra's
// script no longer has the lines it changes, so that an upgrade of cobra
// cannot quietly bring the dependency back.
func patchBash(script string) (string, error) {
	edits := []struct{ old, new string }{
		{"__b22_init_completion()\n{\n    COMPREPLY=()\n    _get_comp_words_by_ref \"$@\" cur prev words cword\n}\n", strings.TrimPrefix(bashCompat, "\n")},
		{`filteringCmd="_filedir $fullFilter"`, `compopt +o default 2>/dev/null
        filteringCmd="__b22_filedir $fullFilter"`},
		{"        # File completion for directories only\n", "        # File completion for directories only\n        compopt +o default 2>/dev/null\n"},
		{`pushd "$subdir" >/dev/null 2>&1 && _filedir -d && popd`, `pushd "$subdir" >/dev/null 2>&1 && __b22_filedir -d && popd`},
		{"            _filedir -d\n", "            __b22_filedir -d\n"},
		{"                    _filedir\n", "                    __b22_filedir\n"},
	}
	for _, e := range edits {
		if strings.Count(script, e.old) != 1 {
			return "", fmt.Errorf("bash completion: cobra's script changed; %q is not there once", e.old)
		}
		script = strings.Replace(script, e.old, e.new, 1)
	}
	return script, nil
}

// patchBashCompletion makes 'b22 completion bash' write the patched script.
func patchBashCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		for _, sh := range c.Commands() {
			if sh.Name() != "bash" {
				continue
			}
			sh.RunE = func(cmd *cobra.Command, _ []string) error {
				noDesc, _ := cmd.Flags().GetBool("no-descriptions")
				var b bytes.Buffer
				if err := root.GenBashCompletionV2(&b, !noDesc); err != nil {
					return err
				}
				script, err := patchBash(b.String())
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(cmd.OutOrStdout(), script)
				return err
			}
			sh.Run = nil
		}
	}
}
