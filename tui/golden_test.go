package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"b22/internal/golden"
)

// walkKeys answers the meeting app with phone dial-in up to the review.
var walkKeys = []string{"enter", "enter", "enter", "y", "y", "300", "enter", "y", "n", "y", "y", "1", "4", "enter", "y", "n",
	"2", "1", "1", "n", "y", "3", "1", "shanghai", "enter", "1", "500万", "enter", "0", "enter", "12", "enter",
	"y", "y", "y", "6", "enter"}

// TestGolden runs the program (teatest) at 80×24 (or a case's width) without
// colour, and compares the last screen with testdata/TestGolden/<case>.golden;
// -update rewrites them.
func TestGolden(t *testing.T) {
	start := []string{"enter", "enter", "enter"}
	cat := func(parts ...[]string) []string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	// down moves the selection through the levers, scrolling with it: so
	// many presses bring the section's heading to the top of the screen.
	levers := func(downs int) []string {
		keys := cat(walkKeys, []string{"r", "tab"})
		for range downs {
			keys = append(keys, "down")
		}
		return keys
	}
	cases := []struct {
		name, lang string
		keys       []string
	}{
		{"intro", "en", nil},
		{"intro_zh", "zh", nil},
		{"bool", "en", start},
		{"enum_zh", "zh", cat(start, []string{"y", "y", "300", "enter", "y", "n", "y", "y", "1", "4", "enter", "y", "n"})},
		{"multi", "en", cat(start, []string{"y", "y", "300", "enter", "y", "n", "y", "y", "down", "space", "down", "down", "down", "space"})},
		{"number", "en", cat(start, []string{"y", "y", "3,000", "enter", "y", "n", "y", "y", "1", "enter", "y", "n", "2", "1", "1", "n", "y", "3", "1", "shanghai", "enter", "1", "1.5亿"})},
		{"number_error_zh", "zh", cat(start, []string{"y", "y", "1,5", "enter"})},
		{"picker_zh", "zh", cat(start, []string{"y", "y", "300", "enter", "y", "n", "y", "y", "1", "enter", "y", "n", "2", "1", "1", "n", "y", "3", "1", "gd"})},
		{"help", "en", cat(start, []string{"y", "?"})},
		{"review", "en", walkKeys},
		{"review_zh", "zh", walkKeys},
		{"keys_help", "en", cat(walkKeys, []string{"?"})},
		{"menu", "en", cat(start, []string{"y", "ctrl+g"})},
		{"review_edit", "en", cat(walkKeys, []string{"home", "enter", "n"})},
		{"result", "en", cat(walkKeys, []string{"r"})},
		{"result_zh", "zh", cat(walkKeys, []string{"r"})},
		{"result_open_questions", "en", cat(start, []string{"y", "y", "300", "enter", "s", "s", "y", "y", "1", "enter", "y", "s", "2", "1", "1", "n", "ctrl+g", "6", "enter", "tab"})},
		{"result_levers", "en", levers(4)},
		{"result_levers_zh", "zh", levers(5)},
		{"result_levers_50", "en", levers(2)},
		{"result_levers_zh_50", "zh", levers(4)},
	}
	// The cases not drawn at 80 columns.
	widths := map[string]int{"result_levers_50": 50, "result_levers_zh_50": 50}
	heights := map[string]int{}
	// Screens of the usability fixes, each at 50×16 and 80×24, in English
	// and Chinese: wrapped choices and review, the key line and the ?
	// lists, the live line before any answer, a burst of number keys, the
	// result's words, a long company name.
	toLicences := walkKeys[:len(walkKeys)-2]
	fixes := []struct {
		name string
		keys []string
	}{
		{"first_question", start},
		{"enum_wrapped", cat(start, []string{"y", "y", "300", "enter", "y", "n", "y", "y", "1", "enter", "y", "n", "2"})},
		{"multi_burst", cat(toLicences, []string{"\x00burst:56"})},
		{"question_help", cat(start, []string{"y", "?"})},
		{"review_wrapped", walkKeys},
		{"result_keys", cat(walkKeys, []string{"r", "?"})},
		{"result_words", cat(start, []string{"y", "y", "300", "enter", "s", "s", "y", "y", "1", "enter", "y", "s", "2", "1", "1", "n", "ctrl+g", "6", "enter", "tab", "down", "down", "down"})},
		{"long_company", []string{"down", "\x00burst:Shenzhen Acme Communications Technology Shenzhen Acme Communications Technology Co., Ltd."}},
	}
	for _, f := range fixes {
		for _, lang := range []string{"en", "zh"} {
			for _, w := range []int{50, 80} {
				name := fmt.Sprintf("fix_%s_%s_%d", f.name, lang, w)
				cases = append(cases, struct {
					name, lang string
					keys       []string
				}{name, lang, f.keys})
				widths[name] = w
				if w == 50 {
					heights[name] = 16
				}
			}
		}
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The screens show the answers file's name: keep it short and
			// the same on every machine, in a folder of the test's own.
			wd, err := os.Getwd()
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(t.TempDir())
			o := testOptions(t, tc.lang)
			o.Path = "b22-answers.json"
			width := widths[tc.name]
			if width == 0 {
				width = 80
			}
			height := heights[tc.name]
			if height == 0 {
				height = 24
			}
			tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(width, height))
			for _, k := range tc.keys {
				if b, ok := strings.CutPrefix(k, "\x00burst:"); ok {
					tm.Send(burst(b)) // the keys in one message, as a paste
					continue
				}
				for _, msg := range keyMsgs(k) {
					tm.Send(msg)
				}
			}
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
			if err := os.Chdir(wd); err != nil { // golden files live in testdata/ here
				t.Fatal(err)
			}
			golden.Check(t, golden.Path(t, tc.name), []byte(fm.View()+"\n"))
		})
	}
}
