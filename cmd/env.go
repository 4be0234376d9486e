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
