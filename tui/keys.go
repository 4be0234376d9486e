package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
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
	Up, Down         key.Binding
	Choose           key.Binding
	Toggle           key.Binding
	NotSure          key.Binding
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

	ctx  keyContext
	memo bool
	// lever is true when the result screen's selection is a lever: enter
	// then changes a given answer rather than answering an open one.
	lever bool
}

func newKeyMap() KeyMap {
	return KeyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k")),
		Down:       key.NewBinding(key.WithKeys("down", "j")),
		Choose:     key.NewBinding(key.WithKeys("enter")),
		Toggle:     key.NewBinding(key.WithKeys(" ", "x")),
		NotSure:    key.NewBinding(key.WithKeys("s", "-")),
		Next:       key.NewBinding(key.WithKeys("tab")),
		Back:       key.NewBinding(key.WithKeys("shift+tab", "esc")),
		Help:       key.NewBinding(key.WithKeys("?")),
		Sections:   key.NewBinding(key.WithKeys("ctrl+g", "g")),
		Lang:       key.NewBinding(key.WithKeys("ctrl+l", "L")),
		Quit:       key.NewBinding(key.WithKeys("ctrl+c", "q")),
		Review:     key.NewBinding(key.WithKeys("esc", "b")),
		Result:     key.NewBinding(key.WithKeys("r")),
		Edit:       key.NewBinding(key.WithKeys("enter")),
		Open:       key.NewBinding(key.WithKeys("enter")),
		Change:     key.NewBinding(key.WithKeys("enter")),
		Save:       key.NewBinding(key.WithKeys("s")),
		SaveResult: key.NewBinding(key.WithKeys("o")),
		Memo:       key.NewBinding(key.WithKeys("m")),
		PageUp:     key.NewBinding(key.WithKeys("pgup", "ctrl+u")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown", "ctrl+d", " ")),
		Close:      key.NewBinding(key.WithKeys("esc", "?", "q", "enter")),
		Start:      key.NewBinding(key.WithKeys("enter")),
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
}

// ShortHelp is the one-line help of the current screen.
func (k KeyMap) ShortHelp() []key.Binding {
	switch k.ctx {
	case ctxIntro:
		return []key.Binding{k.Start, k.Up, k.Lang, k.Help, k.Quit}
	case ctxChoice:
		return []key.Binding{k.Up, k.Choose, k.Back, k.Help, k.Sections, k.Lang, k.Quit}
	case ctxMulti:
		return []key.Binding{k.Toggle, k.Choose, k.Back, k.Help, k.Sections, k.Lang, k.Quit}
	case ctxNumber:
		return []key.Binding{k.Choose, k.Back, k.Next, k.Help, k.Sections, k.Lang, k.Quit}
	case ctxPicker:
		return []key.Binding{k.Up, k.Choose, k.Back, k.Help, k.Sections, k.Lang, k.Quit}
	case ctxReview:
		return []key.Binding{k.Edit, k.Result, k.Up, k.Sections, k.Lang, k.Quit}
	case ctxResult:
		open := k.Open
		if k.lever {
			open = k.Change
		}
		out := []key.Binding{open, k.Save, k.SaveResult}
		if k.memo {
			out = append(out, k.Memo)
		}
		return append(out, k.Review, k.PageDown, k.Lang, k.Quit)
	case ctxMenu, ctxHelp:
		return []key.Binding{k.Up, k.Choose, k.Close}
	}
	return nil
}

// FullHelp is every key, for the ? screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	nav := []key.Binding{k.Up, k.Choose, k.Toggle, k.NotSure, k.Next, k.Back}
	glob := []key.Binding{k.Help, k.Sections, k.Lang, k.Quit}
	res := []key.Binding{k.Edit, k.Result, k.Open, k.Change, k.Save, k.SaveResult}
	if k.memo {
		res = append(res, k.Memo)
	}
	res = append(res, k.PageUp, k.PageDown)
	return [][]key.Binding{nav, glob, res}
}

// is reports whether the key message matches the binding.
func is(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }

// isCtrl reports whether the key is the binding's first (ctrl or named)
// key, the one that works while typing.
func isCtrl(msg tea.KeyMsg, b key.Binding) bool {
	ks := b.Keys()
	return len(ks) > 0 && msg.String() == ks[0]
}
