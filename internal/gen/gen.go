// Package gen makes realistic answers documents for benchmarks and load
// tests: products of the kinds b22 meets (meeting apps, telemedicine, online
// classes, VOD, games, internal tools, call centres...), varied at random
// from a fixed seed, with some answers left unknown as real users leave them.
package gen

import (
	"encoding/json"
	"maps"
	"math/rand/v2"
	"slices"
)

// archetype is a kind of product with its typical answers.
type archetype struct {
	name    string
	answers map[string]any
}

var archetypes = []archetype{
	{"meeting app", map[string]any{"realtime_voice": true, "realtime_video": true, "max_participants": 300, "pstn_access": true,
		"telephone_network_video": false, "internet_delivery": true, "media_relay": true, "use_cases": []string{"meetings", "collaboration"}, "call_centre": false,
		"audience": "business_customers", "delivery_model": "own_platform", "charging": "paid", "marketplace": false}},
	{"telemedicine", map[string]any{"realtime_voice": true, "realtime_video": true, "max_participants": 4, "pstn_access": false,
		"telephone_network_video": false, "internet_delivery": true, "media_relay": true, "use_cases": []string{"remote_diagnosis"}, "audience": "public",
		"delivery_model": "embedded_sdk", "charging": "paid", "marketplace": true}},
	{"online classes", map[string]any{"realtime_voice": true, "realtime_video": true, "max_participants": 60, "pstn_access": false,
		"telephone_network_video": false, "internet_delivery": true, "media_relay": true, "use_cases": []string{"remote_teaching", "live_streaming"},
		"audience": "public", "delivery_model": "embedded_sdk", "charging": "paid", "marketplace": false}},
	{"video on demand", map[string]any{"realtime_voice": false, "realtime_video": false, "internet_delivery": true, "use_cases": []string{"vod"},
		"audience": "public", "delivery_model": "own_platform", "charging": "paid", "marketplace": false}},
	{"game with voice", map[string]any{"realtime_voice": true, "realtime_video": false, "max_participants": 5, "pstn_access": false,
		"internet_delivery": true, "media_relay": true, "use_cases": []string{"game_voice"}, "audience": "public", "delivery_model": "embedded_sdk",
		"charging": "bundled", "marketplace": false}},
	{"dating app", map[string]any{"realtime_voice": true, "realtime_video": true, "max_participants": 2, "pstn_access": false,
		"telephone_network_video": false, "internet_delivery": true, "media_relay": false, "use_cases": []string{}, "audience": "public",
		"delivery_model": "own_platform", "charging": "free", "marketplace": false}},
	{"internal tool", map[string]any{"realtime_voice": true, "realtime_video": true, "max_participants": 100, "pstn_access": false,
		"telephone_network_video": false, "internet_delivery": true, "media_relay": true, "use_cases": []string{"meetings"}, "audience": "internal_only",
		"delivery_model": "own_platform", "charging": "free", "marketplace": false}},
	{"conference call bridge", map[string]any{"realtime_voice": true, "realtime_video": false, "max_participants": 50, "pstn_access": true,
		"internet_delivery": false, "use_cases": []string{"meetings"}, "call_centre": true, "audience": "business_customers",
		"delivery_model": "resale", "charging": "paid", "marketplace": false}},
}

var provinces = []string{"beijing", "shanghai", "guangdong", "zhejiang", "jiangsu", "sichuan", "hubei", "shandong"}

// Document returns the i-th document of the stream seeded by seed.
func Document(seed uint64, i int) map[string]any {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	a := archetypes[rng.IntN(len(archetypes))]
	answers := map[string]any{}
	for k, v := range a.answers {
		answers[k] = v
	}
	answers["mainland_users"] = rng.IntN(10) > 0
	answers["coverage"] = []string{"single_province", "multiple_provinces", "nationwide", "nationwide"}[rng.IntN(4)]
	answers["province"] = provinces[rng.IntN(len(provinces))]
	answers["entity_type"] = []string{"prc_company", "prc_company", "prc_company", "foreign_company"}[rng.IntN(4)]
	answers["registered_capital_cny"] = []int{500000, 1000000, 5000000, 10000000, 50000000}[rng.IntN(5)]
	answers["foreign_ownership_percent"] = []int{0, 0, 0, 30, 100}[rng.IntN(5)]
	answers["qualified_staff"] = rng.IntN(40)
	answers["has_premises_and_facilities"] = rng.IntN(5) > 0
	answers["clean_record"] = rng.IntN(20) > 0
	answers["security_measures"] = rng.IntN(3) > 0
	answers["existing_licences"] = [][]string{{}, {"icp_filing"}, {"icp_filing", "b25"}, {"b22_cross_regional"}}[rng.IntN(4)]
	if slices.Contains(answers["existing_licences"].([]string), "b22_cross_regional") {
		answers["existing_licence_covers_area"] = rng.IntN(3) > 0
	}
	if n, ok := answers["max_participants"].(int); ok {
		answers["max_participants"] = max(2, n+rng.IntN(n+1)-n/2)
	}
	// Real answers files leave some questions open: about one in seven. The
	// keys are taken in order, so that a seed gives the same documents.
	for _, k := range slices.Sorted(maps.Keys(answers)) {
		if rng.IntN(7) == 0 {
			delete(answers, k)
		}
	}
	return map[string]any{
		"questionnaire": "b22",
		"product":       map[string]any{"name": a.name + " " + string(rune('A'+i%26)), "company": "Example Co. " + string(rune('A'+i%26))},
		"answers":       answers,
	}
}

// Lines returns n documents as JSON Lines (one document and a newline each).
func Lines(seed uint64, n int) []byte {
	var out []byte
	for i := 0; i < n; i++ {
		b, err := json.Marshal(Document(seed, i))
		if err != nil {
			panic(err) // maps of strings, numbers and bools always encode
		}
		out = append(append(out, b...), '\n')
	}
	return out
}
