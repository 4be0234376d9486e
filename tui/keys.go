package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"b22/internal/present"
)

// keyContext says which screen (or widget) the help line describes.
type keyContext int

const (
	ctxIntro keyContext = iota
	ctxChoice
	ctxMulti
	ctxNumber
	ctxPicker
	ctxReview
	ctxResult
	ctxMenu
	ctxHelp
)

// KeyMap is every key of the interview. Letter shortcuts (q, g, L, s) work
// only where the widget does not take typing; their ctrl forms work
// everywhere.
type KeyMap struct {
	Up, Down key.Binding
	Choose   key.Binding
	Toggle   key.Binding
	NotSure  key.Binding
	// PickerUnsure is "not sure" in the province list, where s types.
	PickerUnsure key.Binding
	// GoTo and Pick are enter and the numbers on the go-to list.
	GoTo, Pick       key.Binding
	Next, Back       key.Binding
	Help             key.Binding
	Sections         key.Binding
	Lang             key.Binding
	Quit             key.Binding
	Review, Result   key.Binding
	Edit             key.Binding
	Open             key.Binding
	Change           key.Binding
	Save, SaveResult key.Binding
	Memo             key.Binding
	PageUp, PageDown key.Binding
	Close            key.Binding
	Start            key.Binding
	// ReviewBack is esc on the review: back to the last question.
	ReviewBack key.Binding
	// More is ? where it lists every key (not on a question, where ?
	// is the question's help, with the keys under it).
	More key.Binding

	ctx  keyContext
	memo bool
	// items is true when the result screen lists open questions or
	// levers, which enter opens.
	items bool
	// lever is true when the result screen's selection is a lever: enter
	// then changes a given answer rather than answering an open one.
	lever bool
}

func newKeyMap() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k")),
		Down:         key.NewBinding(key.WithKeys("down", "j")),
		Choose:       key.NewBinding(key.WithKeys("enter")),
		Toggle:       key.NewBinding(key.WithKeys(" ", "x")),
		NotSure:      key.NewBinding(key.WithKeys("s", "-")),
		PickerUnsure: key.NewBinding(key.WithKeys("end")),
		GoTo:         key.NewBinding(key.WithKeys("enter")),
		Pick:         key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9")),
		Next:         key.NewBinding(key.WithKeys("tab")),
		Back:         key.NewBinding(key.WithKeys("shift+tab", "esc")),
		Help:         key.NewBinding(key.WithKeys("?")),
		Sections:     key.NewBinding(key.WithKeys("ctrl+g", "g")),
		Lang:         key.NewBinding(key.WithKeys("ctrl+l", "L")),
		Quit:         key.NewBinding(key.WithKeys("ctrl+c", "q")),
		Review:       key.NewBinding(key.WithKeys("esc", "b")),
		Result:       key.NewBinding(key.WithKeys("r")),
		Edit:         key.NewBinding(key.WithKeys("enter")),
		Open:         key.NewBinding(key.WithKeys("enter")),
		Change:       key.NewBinding(key.WithKeys("enter")),
		Save:         key.NewBinding(key.WithKeys("s")),
		SaveResult:   key.NewBinding(key.WithKeys("o")),
		Memo:         key.NewBinding(key.WithKeys("m")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "ctrl+u")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", "ctrl+d", " ")),
		Close:        key.NewBinding(key.WithKeys("esc", "?", "q", "enter")),
		Start:        key.NewBinding(key.WithKeys("enter")),
		ReviewBack:   key.NewBinding(key.WithKeys("shift+tab", "esc")),
		More:         key.NewBinding(key.WithKeys("?")),
	}
}

// setLang writes the help texts in the language.
func (k *KeyMap) setLang(lang string) {
	h := func(b *key.Binding, keys, desc string) { b.SetHelp(keys, tr(lang, desc)) }
	h(&k.Up, "↑/↓", "k_move")
	h(&k.Down, "↓", "k_move")
	h(&k.Choose, "enter", "k_answer")
	h(&k.Toggle, "space", "k_tick")
	h(&k.NotSure, "s", "k_notsure")
	h(&k.PickerUnsure, "end", "k_notsure_last")
	h(&k.GoTo, "enter", "k_goto")
	h(&k.Pick, "1…9", "k_pick")
	h(&k.Next, "tab", "k_next")
	h(&k.Back, "shift+tab", "k_back")
	h(&k.Help, "?", "k_help")
	h(&k.Sections, "ctrl+g", "k_sections")
	h(&k.Lang, "ctrl+l", "k_lang")
	h(&k.Quit, "ctrl+c", "k_quit")
	h(&k.Review, "esc", "k_review")
	h(&k.Result, "r", "k_result")
	h(&k.Edit, "enter", "k_edit")
	h(&k.Open, "enter", "k_open")
	h(&k.Change, "enter", "k_change")
	h(&k.Save, "s", "k_save")
	h(&k.SaveResult, "o", "k_save_result")
	h(&k.Memo, "m", "k_memo")
	h(&k.PageUp, "pgup", "k_pgup")
	h(&k.PageDown, "pgdn", "k_pgdown")
	h(&k.Close, "esc", "k_close")
	h(&k.Start, "enter", "k_start")
	h(&k.ReviewBack, "esc", "k_last_question")
	h(&k.More, "?", "k_more")
}

// ShortHelp is the keys of the current screen, the most useful first:
// the key line shows as many as fit the width and then ?, under which
// FullHelp lists every key (see shortHelpLine).
func (k KeyMap) ShortHelp() []key.Binding {
	switch k.ctx {
	case ctxIntro:
		return []key.Binding{k.Start, k.Up, k.Lang, k.Quit, k.More}
	case ctxChoice:
		return []key.Binding{k.Choose, k.Up, k.Back, k.Sections, k.Lang, k.Quit, k.Help}
	case ctxMulti:
		return []key.Binding{k.Toggle, k.Choose, k.Up, k.Back, k.Sections, k.Lang, k.Quit, k.Help}
	case ctxNumber:
		return []key.Binding{k.Choose, k.Back, k.Next, k.Sections, k.Lang, k.Quit, k.Help}
	case ctxPicker:
		return []key.Binding{k.Choose, k.Up, k.Back, k.Sections, k.Lang, k.Quit, k.Help}
	case ctxReview:
		return []key.Binding{k.Edit, k.Result, k.Up, k.Sections, k.Lang, k.Quit, k.More}
	case ctxResult:
		var out []key.Binding
		// enter does something only when an open question or a lever is
		// there to select.
		switch {
		case k.items && k.lever:
			out = append(out, k.Change)
		case k.items:
			out = append(out, k.Open)
		}
		out = append(out, k.Review, k.Save, k.SaveResult)
		if k.memo {
			out = append(out, k.Memo)
		}
		return append(out, k.PageDown, k.Sections, k.Lang, k.Quit, k.More)
	case ctxMenu:
		return []key.Binding{k.GoTo, k.Up, k.Pick, k.Close}
	case ctxHelp:
		return []key.Binding{k.Close, k.Up}
	}
	return nil
}

// FullHelp is every key of the current screen, for the ? list: each key
// once, so that no list shows s both as "not sure" and as "save".
func (k KeyMap) FullHelp() [][]key.Binding {
	glob := []key.Binding{k.Sections, k.Lang, k.Quit}
	switch k.ctx {
	case ctxIntro:
		return [][]key.Binding{{k.Start, k.Up, k.Lang, k.Quit}}
	case ctxChoice:
		return [][]key.Binding{{k.Up, k.Choose, k.NotSure, k.Next, k.Back}, glob}
	case ctxPicker:
		return [][]key.Binding{{k.Up, k.Choose, k.PickerUnsure, k.Next, k.Back}, glob}
	case ctxMulti:
		return [][]key.Binding{{k.Up, k.Toggle, k.Choose, k.NotSure, k.Next, k.Back}, glob}
	case ctxNumber:
		return [][]key.Binding{{k.Choose, k.Next, k.Back}, glob}
	case ctxReview:
		return [][]key.Binding{{k.Up, k.Edit, k.Result, k.PageUp, k.PageDown, k.ReviewBack}, glob}
	case ctxResult:
		res := []key.Binding{k.Up}
		switch {
		case k.items && k.lever:
			res = append(res, k.Change)
		case k.items:
			res = append(res, k.Open)
		}
		res = append(res, k.Review, k.Save, k.SaveResult)
		if k.memo {
			res = append(res, k.Memo)
		}
		res = append(res, k.PageUp, k.PageDown)
		return [][]key.Binding{res, glob}
	}
	return [][]key.Binding{{k.Up, k.Choose, k.Close}}
}

// shortHelpLine draws the keys of ShortHelp that fit in width columns, in
// their order, and the ? key last whenever some were left out, so that a
// narrow terminal drops keys rather than cutting a word.
func (c *common) shortHelpLine(k KeyMap, width int) string {
	sep := c.help.Styles.ShortSeparator.Render(" • ")
	item := func(b key.Binding) string {
		h := b.Help()
		return c.help.Styles.ShortKey.Render(h.Key) + " " + c.help.Styles.ShortDesc.Render(h.Desc)
	}
	all := k.ShortHelp()
	var more string
	if n := len(all); n > 0 && all[n-1].Help().Key == k.Help.Help().Key {
		more, all = item(all[n-1]), all[:n-1]
	}
	var parts []string
	used := 0
	for n, b := range all {
		s := item(b)
		room := width - used
		if len(parts) > 0 {
			room -= ansi.StringWidth(sep)
		}
		// What is left must still hold the ? key after this one.
		rest := 0
		if more != "" && n < len(all)-1 {
			rest = ansi.StringWidth(sep) + ansi.StringWidth(more)
		}
		if ansi.StringWidth(s)+rest > room {
			break
		}
		if len(parts) > 0 {
			used += ansi.StringWidth(sep)
		}
		parts = append(parts, s)
		used += ansi.StringWidth(s)
	}
	if more != "" && (len(parts) == 0 || used+ansi.StringWidth(sep)+ansi.StringWidth(more) <= width) {
		parts = append(parts, more)
	}
	return strings.Join(parts, sep)
}

// fullHelpLines lists keys for the ? screens: "key  what it does", in as
// many columns as the width holds, never cut.
func (c *common) fullHelpLines(groups [][]key.Binding, width int) []string {
	type entry struct{ key, desc string }
	var es []entry
	seen := map[string]bool{}
	keyW := 0
	for _, g := range groups {
		for _, b := range g {
			h := b.Help()
			if !b.Enabled() || h.Key == "" || seen[h.Key+h.Desc] {
				continue
			}
			seen[h.Key+h.Desc] = true
			es = append(es, entry{h.Key, h.Desc})
			keyW = max(keyW, ansi.StringWidth(h.Key))
		}
	}
	colW := 0
	for _, e := range es {
		colW = max(colW, keyW+2+ansi.StringWidth(e.desc))
	}
	var out []string
	cell := func(e entry, desc string) string {
		return c.help.Styles.FullKey.Render(padRight(e.key, keyW)) + "  " + c.help.Styles.FullDesc.Render(desc)
	}
	if colW > width {
		// Too narrow for one column: each description wraps under itself.
		for _, e := range es {
			for n, l := range (present.Wrap{Width: max(width-keyW-2, 8)}).Lines(e.desc) {
				if n == 0 {
					out = append(out, cell(e, l))
					continue
				}
				out = append(out, spaces(keyW+2)+c.help.Styles.FullDesc.Render(l))
			}
		}
		return out
	}
	cols := max(1, (width+3)/(colW+3))
	rows := (len(es) + cols - 1) / cols
	for r := range rows {
		var line string
		for col := range cols {
			n := col*rows + r
			if n >= len(es) {
				break
			}
			if col > 0 {
				line += "   "
			}
			line += cell(es[n], es[n].desc) + spaces(colW-keyW-2-ansi.StringWidth(es[n].desc))
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	return out
}

// is reports whether the key message matches the binding.
func is(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }

// isCtrl reports whether the key is the binding's first (ctrl or named)
// key, the one that works while typing.
func isCtrl(msg tea.KeyMsg, b key.Binding) bool {
	ks := b.Keys()
	return len(ks) > 0 && msg.String() == ks[0]
}
