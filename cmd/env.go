package cmd

import (
	"strconv"
	"strings"
)

// lang resolves --lang, which its flag has checked, defaulting from
// LC_ALL, LC_MESSAGES and LANG: Chinese locales give zh, everything else
// en.
func (a *app) lang(flag string) string {
	if flag != "" {
		return flag
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := a.s.getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
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
