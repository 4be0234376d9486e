package cmd

import (
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBuildVersion(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.modified", Value: "true"},
	}
	for _, c := range []struct {
		name    string
		stamped string
		bi      *debug.BuildInfo
		want    versionInfo
	}{
		{"stamped wins", "v1.2.3", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.2"}, Settings: vcs},
			versionInfo{Tool: "v1.2.3", Revision: "0123456789abcdef0123456789abcdef01234567", Modified: true, Go: "go1.26.8"}},
		{"module version", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261129014500-0123456789ab+dirty"}, Settings: vcs},
			versionInfo{Tool: "v0.0.0-20261129014500-0123456789ab+dirty", Revision: "0123456789abcdef0123456789abcdef01234567", Modified: true, Go: "go1.26.8"}},
		{"go install from a tag", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.0.0"}},
			versionInfo{Tool: "v1.0.0", Go: "go1.26.8"}},
		{"outside a checkout", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			versionInfo{Tool: "devel", Go: "go1.26.8"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if diff := cmp.Diff(c.want, buildVersion(c.stamped, c.bi)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if v := buildVersion("", nil); v.Tool != "devel" || v.Go == "" {
		t.Errorf("no build information: %+v", v)
	}
}
