package present

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"b22/classify"
)

// Labels are words a renderer says of its own, beside the rule data's:
// headings, labels and the joints between a result's texts, each in
// Chinese and English, by key. Every table of such words has this one
// shape: the words every renderer shares (below), the interview's screens
// (tui) and the memo's counsel prose (internal/memo).
type Labels map[string]classify.Text

// In is the label key in lang ("zh" or "en"; anything else gives English).
// A key the table lacks is returned as itself, so that a gap shows; each
// table's test keeps it from happening.
func (l Labels) In(lang, key string) string {
	t, ok := l[key]
	if !ok {
		return key
	}
	return t.In(lang)
}

// Label is the shared label key in the words' language, with the rule
// set's names filled in (see Fill).
func (w Words) Label(key string) string { return w.Fill(labels.In(w.lang, key)) }

// Labelf is Label used as a format.
func (w Words) Labelf(key string, args ...any) string { return fmt.Sprintf(w.Label(key), args...) }

// SharedLabel is the shared table's words for key in both languages, for
// a renderer that says a shared word in a place of its own (a memo's
// column heading); the zero Text when the table lacks it.
func SharedLabel(key string) classify.Text { return labels[key] }

// HasLabel reports whether the shared table has key: for tests that check
// every label a renderer asks for exists.
func HasLabel(key string) bool {
	_, ok := labels[key]
	return ok
}

// Fill puts the rule set's own names into words written once for any rule
// set: {licence} is the licence's code (B22), {licence_name} its name in
// the words' language, {subcategory_count} how many sub-categories it has,
// in words ("three", "三"), {scope_licences} the licences of its scopes,
// one or the other ("… (provincial) or … (cross-regional)"). No renderer
// names a licence, counts its sub-categories or names its scopes itself.
func (w Words) Fill(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return strings.NewReplacer(
		"{licence}", w.rs.Category(),
		"{licence_name}", w.text(w.rs.LicenceName()),
		"{subcategory_count}", Count(len(w.rs.Subcategories()), w.lang),
		"{scope_licences}", w.scopeLicences(),
	).Replace(s)
}

// scopeLicences names each scope's licence once, in the rule set's order,
// joined as alternatives.
func (w Words) scopeLicences() string {
	var names []string
	for _, s := range w.rs.Scopes() {
		if n := w.text(s.Licence); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if w.lang == "zh" {
		return strings.Join(names, "或")
	}
	return strings.Join(names, " or ")
}

// Count is a small number as prose writes it before a noun: "three",
// "三" (两 for two, as Chinese counts things); 11 and more in digits in
// English, above 99 in digits in Chinese.
func Count(n int, lang string) string {
	if lang == "zh" {
		switch {
		case n == 2:
			return "两"
		case n > 0 && n < 100:
			return ChineseNumber(n)
		}
		return strconv.Itoa(n)
	}
	names := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(names) {
		return names[n]
	}
	return strconv.Itoa(n)
}

// ChineseNumber writes 1 to 99 in Chinese numerals: 五, 十二, 二十; other
// numbers in digits.
func ChineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// labels are the words every renderer shares: the words for a result's
// values that the rule data does not carry, how a condition and a lever
// read, and the headings and labels of a result's and a comparison's
// outline (internal/outline, internal/compare), which the text report,
// the interview and `b22 compare` print. TestLabelsComplete checks that
// each key any of them uses is here.
var labels = Labels{
	// joints
	"colon":       {Zh: "：", En: ": "},
	"comma":       {Zh: "，", En: ", "},
	"semi":        {Zh: "；", En: "; "},
	"paren_open":  {Zh: "（", En: " ("},
	"paren_close": {Zh: "）", En: ")"},
	"list_sep":    {Zh: "、", En: ", "},
	// item_sep separates the items of a list whose items may hold commas
	// themselves (question titles).
	"item_sep": {Zh: "；", En: "; "},
	"yes":      {Zh: "是", En: "yes"},
	"no":       {Zh: "否", En: "no"},
	"none":     {Zh: "无", En: "none"},

	// The words for a result's values the rule data does not carry. Each
	// group has an entry for every value of its type (TestWordsComplete).
	"verdict_short.likely":       {Zh: "很可能需要{licence}许可", En: "likely needs {licence}"},
	"verdict_short.possible":     {Zh: "可能需要{licence}许可", En: "may need {licence}"},
	"verdict_short.unlikely":     {Zh: "不太可能需要{licence}许可", En: "unlikely to need {licence}"},
	"verdict_short.undetermined": {Zh: "尚无法判断", En: "undetermined"},
	"verdict_word.likely":        {Zh: "很可能需要", En: "likely"},
	"verdict_word.possible":      {Zh: "可能需要", En: "possible"},
	"verdict_word.unlikely":      {Zh: "不太可能需要", En: "unlikely"},
	"verdict_word.undetermined":  {Zh: "尚无法判断", En: "undetermined"},
	"coverage.covers":            {Zh: "已覆盖本服务", En: "covers this service"},
	// Said after "existing licence:", true whether the company holds a
	// licence that falls short or none at all.
	"coverage.does_not_cover":          {Zh: "无覆盖本服务的许可", En: "none that covers this service"},
	"coverage.unknown":                 {Zh: "未知", En: "not known"},
	"coverage_sentence.covers":         {Zh: "公司现有许可已覆盖本服务。", En: "An existing licence of the company covers this service."},
	"coverage_sentence.does_not_cover": {Zh: "公司现有许可不覆盖本服务。", En: "No existing licence of the company covers this service."},
	"coverage_sentence.unknown":        {Zh: "尚不清楚公司现有许可是否覆盖本服务。", En: "Whether an existing licence of the company covers this service is not known."},
	// regime_status is for a rule set whose texts.yaml lacks
	// regime_statuses (loading requires them; results built by hand may
	// carry any status).
	"regime_status.triggered": {Zh: "已触发", En: "triggered"},
	"regime_status.unknown":   {Zh: "取决于尚未确定的问题", En: "depends on questions still open"},
	"regime_status.customer":  {Zh: "适用于服务的经营者", En: "applies to whoever operates the service"},
	"lead_open":               {Zh: "仍待确定", En: "still open"},
	"leads_note":              {Zh: "单独回答此题不能确定结论，须与所列其他问题一并回答。", En: "No answer to this question settles the verdict alone: it does together with the other questions listed."},

	// the parts of a result an open question leaves open
	"part.scope":       {Zh: "许可范围和发证机关", En: "licence scope and issuing authority"},
	"part.authority":   {Zh: "发证机关", En: "issuing authority"},
	"part.covered":     {Zh: "现有许可是否覆盖本服务", En: "whether an existing licence covers the service"},
	"part.requirement": {Zh: "许可条件：", En: "licence condition: "},
	"part.regime":      {Zh: "需同时检查的相关制度", En: "neighbouring regimes to check"},

	// a second place in a source whose article could not be verified
	"other_unverified": {Zh: "另一条款（未核实）", En: "another article (not verified)"},

	// a condition in words
	"cond.all_of":         {Zh: "同时满足：", En: "all of:"},
	"cond.or":             {Zh: "；或", En: "; or "},
	"cond.any_of":         {Zh: "以下任一：", En: "any of:"},
	"cond.but_before":     {Zh: "除“", En: " anything but "},
	"cond.but_after":      {Zh: "”外的任何回答", En: ""},
	"cond.not":            {Zh: "并非：", En: "not:"},
	"cond.no_limit":       {Zh: "：无限制", En: ": no limit in force"},
	"cond.choice_or":      {Zh: "或", En: " or "},
	"cond.at_least_param": {Zh: "不低于", En: "at least the "},
	"cond.at_least":       {Zh: "或以上", En: " or more"},
	"cond.at_most_param":  {Zh: "不超过", En: "at most the "},
	"cond.at_most":        {Zh: "或以下", En: " or fewer"},
	"cond.includes":       {Zh: "包括", En: "includes "},
	"cond.only":           {Zh: "仅为", En: "only "},
	"cond.answered":       {Zh: "已回答", En: "answered"},
	"cond.not_known":      {Zh: "未知", En: "not known"},

	// a lever: who decides it, and how each of its effects starts
	"lever_kind.product":  {Zh: "产品决定", En: "product decision"},
	"lever_kind.company":  {Zh: "公司情况", En: "company fact"},
	"lever_kind.fact":     {Zh: "无法选择的事实", En: "fact you cannot choose"},
	"lever_kind.label":    {Zh: "仅是描述的改变", En: "a change of description only"},
	"lever.verdict":       {Zh: "则：", En: "then: "},
	"lever.added":         {Zh: "新增：", En: "adds: "},
	"lever.removed":       {Zh: "不再属于：", En: "no longer: "},
	"lever.stronger":      {Zh: "更明确：", En: "stronger: "},
	"lever.weaker":        {Zh: "减弱：", En: "weaker: "},
	"lever.added_open":    {Zh: "视尚未确定的问题，可能新增：", En: "could add, depending on questions still open: "},
	"lever.stronger_open": {Zh: "视尚未确定的问题，可能更明确：", En: "could be stronger, depending on questions still open: "},
	"lever.scope":         {Zh: "许可：", En: "licence: "},
	"lever.scope_open":    {Zh: "许可范围待定", En: "the licence's scope is left open"},
	"lever.met":           {Zh: "满足：", En: "meets: "},
	"lever.open":          {Zh: "则结论取决于尚未确定的问题", En: "then the verdict depends on questions still open"},

	// The outline of a result (internal/outline): its title, headings and
	// labels.
	"title":           {Zh: "{licence} 许可判断", En: "{licence} licence check"},
	"ruleset":         {Zh: "规则 %s %s（生效 %s），按 %s 适用", En: "rules %s %s (effective %s), applied as of %s"},
	"verdict_line":    {Zh: "结论：%s", En: "Verdict: %s"},
	"answers":         {Zh: "依据答案", En: "answers relied on"},
	"basis":           {Zh: "法律依据", En: "basis"},
	"confidence":      {Zh: "可靠程度", En: "confidence"},
	"missing":         {Zh: "为何不属于任何子类", En: "Why no sub-category applies"},
	"subcategories":   {Zh: "所属子类", En: "Sub-categories"},
	"if_operated":     {Zh: "若无上述排除情形，就其功能将属于", En: "What its features would be but for the exclusion"},
	"open_strength":   {Zh: "%s（取决于：%s）", En: "%s if answered so (depends on: %s)"},
	"if":              {Zh: "若如此回答：", En: "if answered so: "},
	"licence":         {Zh: "许可证", En: "Licence"},
	"authority":       {Zh: "发证机关", En: "issued by"},
	"capital":         {Zh: "最低注册资本", En: "minimum registered capital"},
	"valid_years":     {Zh: "有效期 %g 年", En: "valid %g years"},
	"existing":        {Zh: "现有许可", En: "existing licence"},
	"requirements":    {Zh: "许可条件", En: "Licence conditions"},
	"process":         {Zh: "申请与持证", En: "Applying for and holding the licence"},
	"pivotal":         {Zh: "结论取决于以下问题", En: "Questions the verdict depends on"},
	"open":            {Zh: "其他待确认问题", En: "Other open questions"},
	"open_only":       {Zh: "待确认问题", En: "Open questions"},
	"affects":         {Zh: "影响", En: "affects"},
	"routes":          {Zh: "合规路径", En: "Routes to compliance"},
	"achieves":        {Zh: "效果", En: "what it achieves"},
	"met":             {Zh: "届时满足的条件", En: "conditions then met"},
	"caveats":         {Zh: "注意事项", En: "caveats"},
	"levers":          {Zh: "哪些改变会改变结论", En: "What would change it"},
	"regimes":         {Zh: "需同时检查的相关制度", En: "Neighbouring regimes to check"},
	"notes":           {Zh: "说明", En: "Notes"},
	"sources":         {Zh: "资料来源", En: "Sources"},
	"reprint":         {Zh: "链接为转载", En: "link to a reprint"},
	"link_official":   {Zh: "官方文本", En: "official text"},
	"link_reprint":    {Zh: "转载", En: "reprint"},
	"link_commentary": {Zh: "评述", En: "commentary"},
	"not_opened":      {Zh: "未查阅原文", En: "not opened by this tool"},

	// The outline of a comparison (internal/compare): what changed.
	"diff.title":                 {Zh: "{licence} 许可判断：两次评估对比", En: "{licence} licence check: two assessments compared"},
	"diff.from":                  {Zh: "原：", En: "from: "},
	"diff.to":                    {Zh: "新：", En: "to:   "},
	"diff.side":                  {Zh: "%s，规则 %s，按 %s 适用", En: "%s, rules %s, as of %s"},
	"diff.side_dir":              {Zh: "%s，规则 %s（%s），按 %s 适用", En: "%s, rules %s from %s, as of %s"},
	"diff.no_change":             {Zh: "没有变化。", En: "No change."},
	"diff.same_verdict":          {Zh: "两次评估结论相同：%s。", En: "Both assessments reach the same conclusions: %s."},
	"diff.verdict":               {Zh: "结论：%s → %s", En: "Verdict: %s → %s"},
	"diff.verdict_same":          {Zh: "结论：%s（未变）", En: "Verdict: %s (unchanged)"},
	"diff.changed":               {Zh: "%s：%s → %s", En: "%s: %s → %s"},
	"diff.unsettled":             {Zh: "，取决于未回答的问题", En: ", depending on unanswered questions"},
	"diff.sub_added":             {Zh: "%s：新增（%s）", En: "%s: now matches (%s)"},
	"diff.sub_removed":           {Zh: "%s：不再属于（原为%s）", En: "%s: no longer matches (was %s)"},
	"diff.exclusions":            {Zh: "排除情形", En: "Exclusions"},
	"diff.excl_added":            {Zh: "新增排除：%s", En: "now rules the licence out: %s"},
	"diff.excl_removed":          {Zh: "不再排除：%s", En: "no longer rules it out: %s"},
	"diff.category":              {Zh: "许可类别", En: "category"},
	"diff.scope":                 {Zh: "许可证", En: "licence"},
	"diff.validity":              {Zh: "有效期", En: "validity"},
	"diff.years":                 {Zh: "%g 年", En: "%g years"},
	"diff.none":                  {Zh: "无", En: "none"},
	"diff.not_settled":           {Zh: "未定", En: "not settled"},
	"diff.scope_none":            {Zh: "无需许可", En: "none needed"},
	"diff.scope_open":            {Zh: "未定（取决于尚未回答的问题）", En: "not settled (it depends on questions still open)"},
	"diff.req_added":             {Zh: "%s：新纳入评估（%s）", En: "%s: now assessed (%s)"},
	"diff.req_removed":           {Zh: "%s：不再评估（原为%s）", En: "%s: no longer assessed (was %s)"},
	"diff.req_none":              {Zh: "不再评估：不太可能需要许可", En: "no longer assessed: a licence is unlikely to be needed"},
	"diff.pivotal_added":         {Zh: "新增：%s", En: "now decides the verdict: %s"},
	"diff.pivotal_removed":       {Zh: "不再影响结论：%s", En: "no longer decides it: %s"},
	"diff.open_added":            {Zh: "新增：%s", En: "now open: %s"},
	"diff.open_removed":          {Zh: "不再待定：%s", En: "no longer open: %s"},
	"diff.law":                   {Zh: "结论所依据的法律", En: "The law behind a conclusion"},
	"diff.law_changed":           {Zh: "%s所依据的法律已变化：%s → %s", En: "The law behind %s changed: %s → %s"},
	"diff.law_none":              {Zh: "无引用", En: "no citation"},
	"diff.regime_added":          {Zh: "新增：%s", En: "now flagged: %s"},
	"diff.regime_added_open":     {Zh: "新增（取决于未回答的问题）：%s", En: "now flagged, depending on unanswered questions: %s"},
	"diff.regime_added_customer": {Zh: "新增（适用于服务的经营者）：%s", En: "now flagged for whoever operates the service: %s"},
	"diff.regime_removed":        {Zh: "不再提示：%s", En: "no longer flagged: %s"},
	"diff.regime_changed":        {Zh: "%s → %s：%s", En: "%s → %s: %s"},
	"diff.footer": {Zh: "本对比只比较结论，以及在两个日期之间两次均成立的申请条件或相关制度所依据的法律；不比较理由或措辞；各次评估的全文见“b22 classify”。",
		En: "Compared: the conclusions, and across two dates the law behind a licence condition or regime that holds on both; not the reasons or wording; 'b22 classify' gives each assessment in full."},
}
