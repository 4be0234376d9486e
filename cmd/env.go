package cmd

import (
	"strconv"
	"strings"
)

// lang resolves --lang, defaulting from LC_ALL, LC_MESSAGES and LANG: Chinese
// locales give zh, everything else en.
func (a *app) lang(flag string) (string, error) {
	switch flag {
	case "zh", "en":
		return flag, nil
	case "":
	default:
		return "", usageErrorf("--lang %q: allowed: zh, en", flag)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := a.s.getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return "zh", nil
			}
			return "en", nil
		}
	}
	return "en", nil
}

// color reports whether text output may use colour: on a terminal, unless
// NO_COLOR is set (https://no-color.org) or TERM is dumb.
func (a *app) color() bool {
	return a.s.OutTTY && a.s.getenv("NO_COLOR") == "" && a.s.getenv("TERM") != "dumb"
}

// width is the width to wrap text to: the terminal's, else COLUMNS, else 80.
func (a *app) width() int {
	if a.s.OutTTY && a.s.Width != nil {
		if w := a.s.Width(); w > 0 {
			return w
		}
	}
	if w, err := strconv.Atoi(a.s.getenv("COLUMNS")); err == nil && w > 0 {
		return w
	}
	return 80
}
