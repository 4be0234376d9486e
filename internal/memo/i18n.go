package memo

// pair is a text in Chinese and English.
type pair struct{ zh, en string }

// chrome holds the memo's own words (headings, labels, table headers and the
// sentences that join the result's texts), in Chinese and English. The legal
// content itself comes from the rule set and the result, never from here.
// A {licence} in them is the licence the rule set decides (B22).
var chrome = map[string]pair{
	"title":   {"{licence} 许可分类备忘录", "{licence} Classification Memo"},
	"running": {"{licence} 许可分类备忘录", "{licence} classification memo"},
	// the page number in printed footers: pre N mid M post
	"page_pre":     {"第 ", "Page "},
	"page_mid":     {" 页，共 ", " of "},
	"page_post":    {" 页", ""},
	"appendix":     {"附录", "Appendix"},
	"h_conclusion": {"结论", "Conclusion"},
	"h_next":       {"下一步", "What to do next"},
	"h_facts":      {"所述事实", "Facts as stated"},
	"h_analysis":   {"分析", "Analysis"},
	"h_licence":    {"许可证及申请条件", "The licence and its conditions"},
	"h_options":    {"可选方案", "Options"},
	"h_open":       {"待确认问题与假设", "Open questions and assumptions"},
	"h_regimes":    {"相关监管制度", "Neighbouring regimes"},
	"h_process":    {"申请与持证程序", "Process"},
	"h_answers":    {"全部回答", "The answers in full"},
	"h_trace":      {"规则适用记录", "The rules as applied"},
	"h_citations":  {"引用法规及资料", "Citations"},
	"h_disclaimer": {"免责声明", "Disclaimer"},

	// header
	"draft_mark":      {"草稿", "DRAFT"},
	"draft_banner":    {"草稿：仅供讨论，尚未定稿", "DRAFT: for discussion, not final"},
	"hdr_for":         {"致", "Prepared for"},
	"hdr_by":          {"编制人", "Prepared by"},
	"hdr_matter":      {"案号", "Matter reference"},
	"hdr_status":      {"状态", "Status"},
	"status_draft":    {"草稿", "draft"},
	"status_final":    {"定稿", "final"},
	"hdr_product":     {"产品", "Product"},
	"hdr_company":     {"公司", "Company"},
	"hdr_description": {"产品说明", "Description"},
	"hdr_prepared":    {"日期", "Date"},
	"hdr_ruleset":     {"规则集及版本", "Rule set and version"},
	"version":         {"%s，版本%s", "%s, version %s"},
	"hdr_dates":       {"适用日期", "Dates"},
	"dates":           {"规则集%s生效；按%s有效的规则分析", "rule set effective %s; rules applied as in force on %s"},
	"hdr_sha":         {"回答的SHA-256（规范化JSON）", "SHA-256 of the answers (canonical JSON)"},

	// values
	"not_stated": {"未说明", "not stated"},
	"not_sure":   {"不确定（已作答）", "not sure (so answered)"},
	"not_asked":  {"未说明（依其他回答无需回答）", "not stated (not asked, given the other answers)"},
	"dash":       {"—", "—"},
	"sent_sep":   {"", " "},
	"colon":      {"：", ": "},
	"semi":       {"；", "; "},
	"or_sep":     {"；或", "; or "},
	"list_sep":   {"、", ", "},
	"paren":      {"（%s）", " (%s)"},
	"qa_open":    {"“", "“"},
	"qa_close":   {"”", "”"},
	"cite_open":  {"（", " ("},
	"cite_close": {"）", ")"},
	"see":        {"（见第%s部分）", " (see section %s)"},

	// conclusion
	"c_falls":         {"根据所填回答，该服务属于以下子类：", "On the answers given, the service falls within:"},
	"c_may_fall":      {"该服务可能属于以下子类：", "The service may fall within:"},
	"c_turns_on":      {"结论取决于以下未回答的问题（见%s）：", "The verdict turns on these unanswered questions (see %s):"},
	"c_none":          {"所填回答不符合{licence}三个子类中的任何一个。", "None of the three {licence} sub-categories fits the answers given."},
	"c_excluded":      {"排除{licence}（可靠程度：%s）：%s", "{licence} is ruled out (confidence: %s): %s"},
	"c_if_operated":   {"若上述排除情形不存在，就其功能而言，该服务将属于：", "But for the exclusion above, the service's features would fall within:"},
	"c_unmet":         {"尚不满足的条件", "Conditions not met"},
	"c_unmet_none":    {"无：按所填回答，已知的申请条件均满足或待确认。", "None: on the answers given, every condition is met or still open."},
	"c_strength":      {"%s（%s）", "%s (%s)"},
	"c_strength_open": {"%s（%s，视未回答的问题而定）", "%s (%s, subject to unanswered questions)"},
	"next_unmet":      {"%s尚不满足", "%s is not met"},
	"next_options":    {"；可选方案：", ". Options: "},
	"next_pivotal":    {"回答决定结论的%d个问题（见%s）。", "Answer the %d questions the verdict turns on (see %s)."},
	"next_open":       {"回答其余%d个未回答的问题（见%s）。", "Answer the %d other open questions (see %s)."},
	"next_regimes":    {"另行检查相关制度：%s（见第%s部分）。", "Check the neighbouring regimes separately: %s (see section %s)."},
	"next_apply":      {"按申请与持证程序准备申请（见第%s部分）。", "Prepare the application as the process requires (see section %s)."},

	// facts
	"facts_described": {"产品说明（据公司所述）：", "The product as the company describes it: "},
	"facts_intro":     {"以下为结论所依据的回答；全部回答见附录%s。分析仅以这些回答为依据，未经核实。", "The answers the conclusions rest on; every answer given is in Appendix %s. The analysis rests on these answers alone and has not verified them."},
	"col_question":    {"问题", "Question"},
	"col_answer":      {"回答", "Answer"},
	"other_answers":   {"其他", "Other"},

	// analysis
	"how_to_read":       {"强度：“很可能”指产品正处于定义之内或属于目录列举的例子；“可能”指字面上重叠而实务不一。可靠程度表示规则库对该规则的把握，括号内说明其依据是法规条文、实务做法还是推理。上标数字指附录中的引用清单。", "Strength: \"likely\" means squarely inside the definition or a named example; \"possible\" means a literal overlap where practice is unsettled. Confidence says how sure the rule base is of a rule; its footing (in brackets) says whether it rests on statute, practice or reasoning. Raised numbers refer to the list of citations in the appendix."},
	"catalogue_name":    {"目录名称：", "Catalogue name: "},
	"definition":        {"定义。", "Definition. "},
	"finding":           {"判断。", "Finding. "},
	"found_settled":     {"本产品属于该子类，强度为“%s”。", "The product falls within this sub-category: %s."},
	"found_open":        {"若未回答的问题作相应回答，本产品属于该子类，强度最高为“%s”。取决于：", "If the open answers go that way, the product falls within this sub-category, at most as \"%s\". It depends on: "},
	"found_if_operated": {"{licence}已被排除；若该排除情形不存在，就其功能而言，本产品将属于该子类，强度为“%s”。", "{licence} is ruled out; but for that exclusion, the product's features would fall within this sub-category: %s."},
	"found_none":        {"本产品不属于该子类：依所填回答，该子类的规则均不适用（各规则及所依据的回答见附录%s）。", "The product does not fall within this sub-category: none of its rules applies on the answers given (Appendix %s sets out each rule and the answers it read)."},
	"why":               {"理由", "Why"},
	"if_answered":       {"若如此回答：", "If answered so: "},
	"answers":           {"依据的回答", "Answers relied on"},
	"answers_read":      {"相关回答", "Answers read"},
	"basis":             {"法律依据", "Legal basis"},
	"confidence":        {"可靠程度", "Confidence"},
	"not_applied":       {"未适用的子类规则", "Sub-category rules that did not apply"},
	"not_applied_none":  {"无：每个子类都至少有一条规则适用。", "None: a rule of every sub-category applies."},
	"rule_open":         {"（待定）", " (open)"},
	"h_gates":           {"排除条件", "Gates"},
	"gates_none":        {"依所填回答，没有排除条件成立（各条件见附录%s）。", "On the answers given, no gate holds (Appendix %s lists each)."},
	"gates_open":        {"依所填回答，没有排除条件确定成立，但有的取决于未回答的问题（见附录%s）。", "On the answers given, no gate is known to hold, but some depend on unanswered questions (see Appendix %s)."},
	"col_gate":          {"条件", "Gate"},
	"col_result":        {"结果", "Result"},
	"col_answers":       {"相关回答", "Answers"},
	"gate_true":         {"成立：排除{licence}", "holds: {licence} ruled out"},
	"gate_false":        {"不成立", "does not hold"},
	"gate_open":         {"待定（取决于未回答的问题）", "open (depends on unanswered questions)"},
	"excluded":          {"排除理由", "Ruled out"},
	"h_notes":           {"其他说明", "Further points"},
	"trace_intro":       {"以下逐条列出规则库中的排除条件和未适用的子类规则，以及各自读取的回答，供核对分析之用。", "Each gate of the rule base, and each sub-category rule that did not apply, with the answers it read: the record behind the analysis, for checking it."},

	// licence
	"licence_na":    {"依本分析不太可能需要{licence}许可，故不评估许可条件。", "On this analysis a {licence} licence is unlikely to be needed, so the licence conditions are not assessed."},
	"lic_licence":   {"所需许可", "Licence needed"},
	"lic_authority": {"发证机关", "Issuing authority"},
	"lic_capital":   {"最低注册资本", "Minimum registered capital"},
	"lic_validity":  {"有效期", "Validity"},
	"lic_existing":  {"现有许可", "Existing licences"},
	"scope_open":    {"省内或跨地区：取决于覆盖范围", "provincial or cross-regional: depends on the coverage"},
	"capital_open":  {"取决于许可范围", "depends on the scope"},
	"years":         {"%s年", "%s years"},
	"h_conditions":  {"申请条件", "Licence conditions"},
	"col_condition": {"条件", "Condition"},
	"col_status":    {"状态", "Status"},
	"col_basis":     {"依据", "Basis"},

	// open questions
	"h_pivotal":        {"决定结论的问题", "Questions the verdict depends on"},
	"pivotal_none":     {"无：可能改变结论的回答均已知。", "None: every answer that could change the verdict is known."},
	"col_why":          {"为何重要", "Why it matters"},
	"col_leads":        {"各回答的结论", "Each answer leads to"},
	"h_other_open":     {"其他待确认问题", "Other open questions"},
	"other_open_intro": {"以下问题未回答，不影响结论，但影响所列事项。", "These questions are unanswered; they do not change the verdict but leave open what is listed."},
	"other_open_none":  {"无。", "None."},
	"col_affects":      {"影响", "Leaves open"},
	"h_open_points":    {"规则库尚未明确之处", "Open points of the rule base"},
	"h_assumptions":    {"假设", "Assumptions"},
	"assumptions":      {"本备忘录按所填回答作出，未核实其真实性和完整性。未回答的问题视为未知，而非“否”：结论须对其所有可能的回答都成立，否则即为“尚无法判断”，并列明决定结论的问题。", "The memo takes the answers as stated and has not verified them. An unanswered question is unknown, never \"no\": the verdict stands only if it holds for every way the open questions could be answered; otherwise it is undetermined and the questions it turns on are listed."},
	"aff_scope":        {"许可范围和发证机关", "licence scope and issuing authority"},
	"aff_authority":    {"发证机关", "issuing authority"},
	"aff_covered":      {"现有许可是否覆盖本服务", "whether an existing licence covers the service"},
	"aff_requirement":  {"申请条件：%s", "licence condition: %s"},
	"aff_regime":       {"相关制度：%s", "neighbouring regime: %s"},
	"aff_other":        {"结论的其他部分", "another part of the conclusion"},

	// options
	"levers_intro":        {"以下是对所填回答的改变：按规则，每一项都会改变结论、所属子类、许可范围或某项申请条件是否满足。它们是可供考虑的选项，而非建议；每项改变须真实反映产品和公司的实际情况。", "These are changes of the answers given that, under the rules, would change the outcome: the verdict, the sub-categories, the licence's scope or whether a licence condition is met. They are options to consider, not advice; each holds only if the product or the company really changes."},
	"levers_none":         {"无：按规则，改变所填的任何回答都不会改变结论。", "None: under the rules, no change of the answers given would change the outcome."},
	"levers_undetermined": {"暂无：结论尚无法判断，须先回答决定结论的问题（见%s）。", "None yet: the verdict is undetermined, and the questions it depends on (see %s) come first."},
	"opt_meet":            {"满足“%s”条件", "Meeting the condition: %s"},
	"opt_outside":         {"使服务不属于{licence}", "Taking the service outside {licence}"},
	"opt_sub":             {"使服务不属于%s", "Taking the service outside the %s"},
	"opt_other":           {"其他会改变结论的改变", "Other changes that move the outcome"},
	"col_change":          {"改变", "Change"},
	"col_kind":            {"由谁决定", "Who decides"},
	"col_effect":          {"带来的变化", "What it does"},

	// regimes
	"regimes_intro": {"无论{licence}结论如何，以下制度均需同时检查；它们是{licence}分析的补充，而非替代。", "Flagged whatever the {licence} verdict: they come in addition to the {licence} analysis, never instead of it."},
	"regimes_none":  {"依所填回答，无需提示的相关制度。", "None flagged on the answers given."},
	"col_regime":    {"制度及需检查的内容", "Regime and what to check"},
	"col_trigger":   {"触发的回答", "Triggered by"},

	// process
	"process_intro": {"以下为适用日期时有效的程序规定。", "The rules of procedure in force on the as-of date."},

	// appendices
	"answers_intro":   {"回答文件所载的全部回答，按问卷章节排列。", "Every answer in the answers document, by section of the questionnaire."},
	"citations_intro": {"正文中的上标数字指以下各条。标明“转载”的链接为官方文本的转载。", "The raised numbers in the text refer to these entries. Links marked \"reprint\" lead to a reprint of the official text."},
	"cite_sep":        {"。", ". "},
	"src_date":        {"日期：", "date: "},
	"reprint":         {"转载", "reprint"},
}

// zhNumerals number the top-level headings of a Chinese memo.
var zhNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
