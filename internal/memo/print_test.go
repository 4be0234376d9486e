package memo

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// These tests print the memo the way a reader would: the HTML through
// headless Chromium, the DOCX through LibreOffice. They skip when the tool
// is not installed (Debian: chromium; libreoffice-writer-nogui or
// libreoffice-writer; poppler-utils for the text checks; fonts-noto-cjk for
// Chinese glyphs).

func lookPath(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Skipf("%s not installed; skipping (apt-get install %s)", names[0], map[string]string{
		"chromium": "chromium", "soffice": "libreoffice-writer-nogui"}[names[0]])
	return ""
}

// checkPDF checks that path is a PDF and, where pdftotext is installed, that
// its text has the memo's headings in both scripts.
func checkPDF(t *testing.T, path string, want ...string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no PDF written: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", path)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Logf("pdftotext not installed (poppler-utils); not checking the PDF's text")
		return
	}
	out, err := exec.Command(pdftotext, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF's text has no %q", w)
		}
	}
	if !hasCJKFont() {
		t.Logf("no Chinese font installed (fonts-noto-cjk); Chinese text prints as boxes")
	}
}

func hasCJKFont() bool {
	fc, err := exec.LookPath("fc-list")
	if err != nil {
		return true // cannot tell
	}
	out, _ := exec.Command(fc, ":lang=zh-cn", "family").Output()
	return len(bytes.TrimSpace(out)) > 0
}

func renderFile(t *testing.T, format, lang, dir string) string {
	t.Helper()
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	out, err := Render(rs, doc, res, Options{Format: format, Lang: lang, Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "memo."+format)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestHTMLPrintsToPDF(t *testing.T) {
	chromium := lookPath(t, "chromium", "chromium-browser", "google-chrome")
	if testing.Short() {
		t.Skip("-short: not starting a browser")
	}
	dir := t.TempDir()
	html := renderFile(t, "html", "bilingual", dir)
	pdf := filepath.Join(dir, "memo.pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+pdf, html)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	checkPDF(t, pdf, "B22", "结论", "Conclusion", "Acme Meet", "可选方案", "Options", "第六条", "art. 6(iv)")
}

func TestDOCXConvertsToPDF(t *testing.T) {
	soffice := lookPath(t, "soffice", "libreoffice")
	if testing.Short() {
		t.Skip("-short: not starting LibreOffice")
	}
	dir := t.TempDir()
	docx := renderFile(t, "docx", "bilingual", dir)
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	// A profile of its own, so that a running LibreOffice or another test
	// does not take the conversion over.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir, docx)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	checkPDF(t, filepath.Join(dir, "memo.pdf"), "B22", "结论", "Conclusion", "Acme Meet", "可选方案", "Options", "第六条", "art. 6(iv)")
}
