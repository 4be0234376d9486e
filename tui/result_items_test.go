package tui

import "testing"

// TestResultEnterActsOnWhatIsSeen: enter on the result opens only a
// selection on screen; with the selection scrolled away it brings an item
// into view and opens nothing. A number selects that item directly.
func TestResultEnterActsOnWhatIsSeen(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys(walkKeys...)
	d.keys("r")
	if len(d.m.result.items) < 12 {
		t.Fatalf("%d items, want at least 12 for this test", len(d.m.result.items))
	}
	// The result opens at the top: the selected lever is far below.
	if d.m.result.selVisible() {
		t.Fatal("the first lever is on the first screen; the test needs it scrolled away")
	}
	d.keys("enter")
	if d.m.screen != screenResult {
		t.Fatalf("enter opened %s, a question the user could not see", d.current())
	}
	if !d.m.result.selVisible() {
		t.Fatal("enter did not bring a selection into view")
	}
	// A number jumps to that lever; enter then opens it.
	d.keys("1", "2")
	if d.m.result.sel != 11 || !d.m.result.selVisible() {
		t.Fatalf("after 1 2: selected %d (visible %v), want 11 in view", d.m.result.sel, d.m.result.selVisible())
	}
	want := d.m.c.rs.Questions()[d.m.result.items[11]].ID
	d.wantView("› 12")
	d.keys("3")
	if d.m.result.sel != 2 {
		t.Fatalf("after 1 2 3: selected %d, want 2 (123 is no item)", d.m.result.sel)
	}
	d.keys("1", "2", "enter")
	d.wantQuestion(want)
}
