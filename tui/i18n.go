package tui

// text is one UI string in both languages.
type text struct{ en, zh string }

// tr is the UI string key in lang; a missing key shows as itself, which
// TestI18nKeys prevents.
func tr(lang, key string) string {
	t, ok := uiText[key]
	if !ok {
		return key
	}
	if lang == "zh" {
		return t.zh
	}
	return t.en
}

// uiText holds every word the interview shows that is not in the rule set:
// screens, widgets, keys, messages, the plain mode. Questions, choices,
// help, verdict summaries and reasons come from the rule set's own zh/en
// texts; the words for verdicts, strengths, statuses, coverage, yes and no
// and answers, which the text report and the memo use too, from present.
var uiText = map[string]text{
	// languages
	"lang_name":  {"English", "中文"},
	"lang_short": {"EN", "中文"},
	"colon":      {": ", "："},
	"sep":        {" ", ""},

	"too_small": {"Window too small (%d×%d): make it at least %d×%d. ctrl+c saves and quits.", "窗口太小（%d×%d）：请调整到至少 %d×%d。按 ctrl+c 保存并退出。"},

	// intro
	"intro_what": {
		"b22 tells whether a product needs China's licence for domestic multi-party communication services (B22): which of its three sub-categories applies and why, the licence scope and issuing authority, the conditions your company meets or misses, and neighbouring rules to check.",
		"b22 判断产品是否需要国内多方通信服务业务（B22）经营许可：属于哪个子类及理由、许可范围和发证机关、公司满足或不满足的许可条件，以及需要同时检查的相关制度。"},
	"intro_time": {
		"Up to %d questions, fewer on most paths: about 5 to 10 minutes. \"Not sure\" is always an answer; the result then says what it depends on.",
		"最多 %d 个问题，多数情况更少，约需 5–10 分钟。任何问题都可以选“不确定”，结果会说明结论取决于哪些问题。"},
	"intro_saved":           {"Answers are saved to %s after every answer; ctrl+c saves and quits, and running b22 interview again resumes.", "每答一题都会保存到 %s；ctrl+c 保存并退出，再次运行 b22 interview 可继续作答。"},
	"intro_lang":            {"Language:", "语言："},
	"intro_lang_switch":     {"(ctrl+l: 中文)", "（ctrl+l：English）"},
	"intro_name":            {"Product (optional)", "产品名称（可选）"},
	"intro_company":         {"Company (optional)", "公司名称（可选）"},
	"intro_found":           {"Found saved answers in %s: %s.", "在 %s 中找到已保存的答案：%s。"},
	"intro_full":            {"Names are kept to %d characters: the rest was not taken.", "名称最多 %d 个字符，超出部分未录入。"},
	"intro_start":           {"Start", "开始"},
	"intro_resume":          {"Resume", "继续作答"},
	"intro_start_over":      {"Start over", "重新开始"},
	"intro_start_over_note": {"Start over keeps the old answers in a backup file beside them.", "重新开始时，旧答案会备份到同一文件夹中的备份文件。"},

	// question screen and widgets
	"not_sure":            {"not sure", "不确定"},
	"not_answered":        {"— not answered", "— 未回答"},
	"current":             {"(current answer)", "（当前答案）"},
	"money_placeholder":   {"e.g. 1000万 or 10,000,000", "例如 1000万 或 10,000,000"},
	"money_hint":          {"Type the amount as you would write it: 1000万, 10,000,000, 1.5亿, RMB 2m, 2 million.", "按习惯输入金额即可：1000万、10,000,000、1.5亿、RMB 2m、2 million。"},
	"percent_placeholder": {"e.g. 0, 25 or 49.5", "例如 0、25 或 49.5"},
	"percent_hint":        {"Type a percentage from 0 to 100, such as 25 or 49.5.", "输入 0 到 100 之间的百分比，例如 25 或 49.5。"},
	"count_placeholder":   {"e.g. 12", "例如 12"},
	"count_hint":          {"Type a whole number, such as 12 or 1,500.", "输入整数，例如 12 或 1,500。"},
	"multi_hint":          {"space (or the number) ticks; enter when done. Nothing ticked means none of these.", "空格键（或编号）勾选，完成后按 enter。不勾选表示都不适用。"},
	"number_hint_unsure":  {"Type s if not sure.", "不确定请输入 s。"},
	"filter_placeholder":  {"type pinyin, Chinese or English to filter", "输入拼音、中文或英文筛选"},
	"no_match":            {"Nothing matches; delete some letters (backspace) or type pinyin such as guangdong or gd.", "没有匹配项；请删除部分字母（退格键），或输入拼音如 guangdong、gd。"},
	"choose_bool":         {"No answer yet: press y for yes or n for no, or move with ↑/↓ and press enter.", "尚未作答：按 y 表示是、n 表示否，或用 ↑/↓ 选择后按 enter。"},
	"choose_bool_unsure":  {"No answer yet: press y for yes, n for no or s if not sure, or move with ↑/↓ and press enter.", "尚未作答：按 y 表示是、n 表示否、s 表示不确定，或用 ↑/↓ 选择后按 enter。"},
	"choose_enum":         {"No answer yet: press a choice's number, or move with ↑/↓ and press enter.", "尚未作答：按选项编号，或用 ↑/↓ 选择后按 enter。"},
	"choose_enum_unsure":  {"No answer yet: press a choice's number (s if not sure), or move with ↑/↓ and press enter.", "尚未作答：按选项编号（不确定按 s），或用 ↑/↓ 选择后按 enter。"},
	"choose_picker":       {"No answer yet: type to filter or move with ↑/↓, then press enter.", "尚未作答：输入文字筛选或用 ↑/↓ 选择，然后按 enter。"},
	"choose_multi":        {"Nothing is ticked: tick what applies with space or its number, then press enter. Press enter again to answer \"none of these\".", "尚未勾选：用空格键或编号勾选适用项后按 enter。再按一次 enter 表示都不适用。"},
	"unsure_not_offered":  {"This question has no \"not sure\"; please choose an answer.", "此问题没有“不确定”选项，请选择一个答案。"},
	"not_asked_now":       {"Given your other answers this question is not asked; an answer here is kept but does not count.", "根据其他答案，此问题目前无需回答；在此作答会被保留，但不影响结果。"},
	"help_title":          {"Help", "说明"},
	"why_matters":         {"Why it matters", "为何重要"},
	"help_close":          {"Press ? or esc to go back to the question.", "按 ? 或 esc 返回问题。"},
	"progress":            {"%d of about %d on this path", "本路径约 %[2]d 题中的第 %[1]d 题"},
	"progress_off_path":   {"not asked on this path (about %d are)", "当前路径不问此题（约 %d 题）"},
	"live":                {"So far:", "目前结论："},
	"live_hinges":         {"%d questions decide it", "取决于 %d 个待定问题"},
	"live_hinges_one":     {"%d question decides it", "取决于 %d 个待定问题"},
	"more_above":          {"↑ %d more", "↑ 上方还有 %d 项"},
	"more_below":          {"↓ %d more", "↓ 下方还有 %d 项"},
	"more_lines_above":    {"↑ %d lines above", "↑ 上方还有 %d 行"},
	"more_lines_below":    {"↓ %d lines more: ↓ scrolls", "↓ 下方还有 %d 行：按 ↓ 滚动"},
	"live_none":           {"nothing answered yet; the verdict builds up as you answer.", "尚未作答；结论会随作答逐步形成。"},
	"live_open":           {"still open: ", "尚待确定："},
	"list_sep":            {", ", "、"},
	"dot_sep":             {" · ", "；"},
	"live_sub":            {"%s (%s)", "%s（%s）"},
	"scrolled":            {"%d%% scrolled", "已浏览 %d%%"},
	"intro_name_ph":       {"e.g. Acme Meet", "例如 某某会议"},
	"intro_company_ph":    {"e.g. Acme Ltd", "例如 某某科技有限公司"},
	"k_start":             {"start / next", "开始 / 下一项"},
	"editing":             {"(editing)", "（修改中）"},

	// number messages
	"n_empty_money":     {"Type an amount, for example 1000万, 10,000,000 or 2 million.", "请输入金额，例如 1000万、10,000,000 或 2 million。"},
	"n_empty_percent":   {"Type a percentage from 0 to 100, such as 25 or 49.5.", "请输入 0 到 100 之间的百分比，例如 25 或 49.5。"},
	"n_empty_count":     {"Type a whole number, such as 12 or 1,500.", "请输入整数，例如 12 或 1,500。"},
	"n_negative":        {"It cannot be negative: type 0 or more.", "不能为负数：请输入 0 或更大的数。"},
	"n_separators":      {"\"%s\" can be read two ways: use a point only for decimals (1.5) and commas only between groups of three digits (10,000,000).", "“%s”有歧义：小数点只用于小数（如 1.5），逗号只用于每三位分组（如 10,000,000）。"},
	"n_unit_order":      {"\"%s\": give each part its unit, largest first, as in 1亿5000万.", "“%s”：请为每一部分写明单位，从大到小，如 1亿5000万。"},
	"n_unknown_money":   {"Could not read \"%s\" as an amount: type digits, with 万, 亿, k, m (million) or bn if you like, such as 1.5亿 or 2 million.", "无法将“%s”识别为金额：请输入阿拉伯数字，可带 万、亿、k、m（百万）或 bn，如 1.5亿 或 2 million。"},
	"n_unknown_percent": {"Could not read \"%s\" as a percentage: type digits, such as 25 or 49.5.", "无法将“%s”识别为百分比：请输入阿拉伯数字，例如 25 或 49.5。"},
	"n_unknown_count":   {"Could not read \"%s\" as a number: type a whole number in digits, such as 12 or 1,500.", "无法将“%s”识别为数字：请输入阿拉伯数字的整数，例如 12 或 1,500。"},
	"n_whole":           {"Type a whole number, such as %s.", "请输入整数，例如 %s。"},
	"n_a_number":        {"a number", "数字"},
	"n_a_whole_number":  {"a whole number", "整数"},
	"n_range":           {"Type %s from %s to %s.", "请输入 %[2]s 到 %[3]s 之间的%[1]s。"},
	"n_range_min":       {"Type %s of at least %s.", "请输入不小于 %[2]s 的%[1]s。"},
	"n_range_max":       {"Type %s of at most %s.", "请输入不大于 %[2]s 的%[1]s。"},
	"n_too_large":       {"That number is too large.", "数字过大。"},

	// review
	"review_title":     {"Review", "检查答案"},
	"review_count":     {"%d of about %d answered", "约 %[2]d 题中已答 %[1]d 题"},
	"review_count_all": {"all %d answered", "%d 题已全部作答"},
	"review_missing":   {"%d not answered yet: enter on one answers it.", "还有 %d 题未答：选中后按 enter 作答。"},
	"kept_not_asked":   {"(no longer asked; kept)", "（目前无需回答，已保留）"},
	"changed_title":    {"What changed", "结果变化"},

	// result
	"result_title":  {"Result", "结果"},
	"r_open_hint":   {"Select one with ↑/↓, tab or its number and press enter to answer it.", "用 ↑/↓、tab 或编号选择，按 enter 作答。"},
	"r_levers_hint": {"Select one with ↑/↓, tab or its number and press enter to change that answer.", "用 ↑/↓、tab 或编号选择，按 enter 修改该答案。"},

	// menu
	"menu_title":        {"Go to", "跳转到"},
	"menu_count":        {"%d of %d answered", "已答 %d / %d"},
	"menu_not_asked":    {"not asked given your answers", "根据已有答案无需回答"},
	"menu_review":       {"Review all answers", "检查全部答案"},
	"menu_result":       {"Result", "结果"},
	"section_not_asked": {"That section is not asked given your answers.", "根据已有答案，该部分无需回答。"},
	"keys_title":        {"Keys", "按键"},

	// saving
	"saved":            {"saved", "已保存"},
	"saving":           {"saving", "保存中"},
	"not_saved":        {"not saved", "未保存"},
	"save_failed":      {"Could not save the answers: %v", "无法保存答案：%v"},
	"save_failed_quit": {"Not saved; press ctrl+c again to quit without saving: %v", "未能保存；再按 ctrl+c 将不保存直接退出：%v"},
	"write_failed":     {"Could not write: %v", "无法写入：%v"},
	"wrote_answers":    {"Answers saved to %s", "答案已保存到 %s"},
	"wrote_result":     {"Result JSON saved to %s", "结果 JSON 已保存到 %s"},
	"wrote_memo":       {"Memo saved to %s", "备忘录已保存到 %s"},
	"wrote_kept":       {"(%s was already there and is kept as it was)", "（原有的 %s 保持不变）"},
	"wrote_backup":     {"Old answers kept in %s", "旧答案已备份到 %s"},

	// keys
	"k_move":          {"move", "移动"},
	"k_answer":        {"answer", "确定"},
	"k_tick":          {"tick", "勾选"},
	"k_notsure":       {"not sure", "不确定"},
	"k_goto":          {"go there", "前往"},
	"k_pick":          {"select", "选择"},
	"k_notsure_last":  {"not sure (the last row)", "不确定（最后一行）"},
	"k_next":          {"skip", "跳过"},
	"k_back":          {"back", "上一题"},
	"k_help":          {"help & keys", "说明和按键"},
	"k_more":          {"all keys", "全部按键"},
	"k_sections":      {"go to", "跳转"},
	"k_lang":          {"中文", "English"},
	"k_quit":          {"save & quit", "保存退出"},
	"k_review":        {"review", "检查答案"},
	"k_result":        {"result", "结果"},
	"k_edit":          {"edit", "修改"},
	"k_open":          {"answer selected", "回答所选问题"},
	"k_change":        {"change answer", "修改所选答案"},
	"k_save":          {"save answers", "保存答案"},
	"k_save_result":   {"save result JSON", "保存结果 JSON"},
	"k_memo":          {"write memo", "生成备忘录"},
	"k_pgup":          {"page up", "上一页"},
	"k_pgdown":        {"page down", "下一页"},
	"k_close":         {"close", "关闭"},
	"k_last_question": {"last question", "回到最后一题"},

	// plain mode
	"plain_intro":           {"Plain mode: up to %d questions, one per line. Answers are saved to %s after every answer.", "逐行模式：最多 %d 个问题，每行一个。每答一题都会保存到 %s。"},
	"plain_keys":            {"At any prompt: ? help, s (or -) not sure, b back, L 中文, q save and stop. Enter keeps a current answer.", "任一提示处：? 说明，s（或 -）不确定，b 上一题，L English，q 保存并停止。直接回车保留当前答案。"},
	"plain_resume":          {"Found saved answers in %s (%d of about %d answered). Resume them? Type y to resume, or n to start over (the old answers are kept in a backup).", "在 %s 中找到已保存的答案（约 %[3]d 题中已答 %[2]d 题）。继续作答吗？输入 y 继续，输入 n 重新开始（旧答案会备份）。"},
	"plain_yes_no":          {"Type y to resume or n to start over.", "请输入 y 继续作答，或 n 重新开始。"},
	"plain_name":            {"Product name (optional; press Enter to skip):", "产品名称（可选，直接回车跳过）："},
	"plain_company":         {"Company name (optional; press Enter to skip):", "公司名称（可选，直接回车跳过）："},
	"plain_current":         {"Current answer: %s (press Enter to keep it).", "当前答案：%s（直接回车保留）。"},
	"plain_allowed_bool":    {"Type y for yes or n for no", "输入 y 表示是，n 表示否"},
	"plain_allowed_enum":    {"Type a number from 1 to %d", "输入 1 到 %d 之间的编号"},
	"plain_allowed_picker":  {"Type a number from 1 to %d, or a name in pinyin or Chinese", "输入 1 到 %d 之间的编号，或拼音、中文名称"},
	"plain_allowed_multi":   {"Type the numbers of all that apply (1 to %d) separated by spaces, or 0 for none", "输入所有适用项的编号（1 到 %d），用空格分隔；都不适用输入 0"},
	"plain_allowed_money":   {"Type an amount, such as 1000万, 10,000,000, 1.5亿 or 2 million", "输入金额，例如 1000万、10,000,000、1.5亿 或 2 million"},
	"plain_allowed_percent": {"Type a percentage from 0 to 100, such as 25 or 49.5", "输入 0 到 100 之间的百分比，例如 25 或 49.5"},
	"plain_allowed_count":   {"Type a whole number, such as 12 or 1,500", "输入整数，例如 12 或 1,500"},
	"plain_allowed_unsure":  {"; s if not sure", "；不确定输入 s"},
	"plain_allowed_rest":    {"; ? for help; b to go back.", "；? 查看说明；b 返回上一题。"},
	"plain_empty":           {"No answer yet.", "尚未作答。"},
	"plain_not_choice":      {"\"%s\" is not one of the choices.", "“%s”不是可选项。"},
	"plain_several":         {"Several match: %s. Type the number.", "有多个匹配：%s。请输入编号。"},
	"plain_first":           {"This is the first question.", "这已是第一题。"},
	"plain_review_prompt":   {"Type a number to change that answer, or press Enter to see the result:", "输入编号修改对应答案，或直接回车查看结果："},
	"plain_review_bad":      {"\"%s\" is not on the list: type a number from 1 to %d, or press Enter to see the result.", "“%s”不在列表中：请输入 1 到 %d 之间的编号，或直接回车查看结果。"},
	"plain_saved_at":        {"Answers saved to %s.", "答案已保存到 %s。"},
	"exit_final":            {"b22: answers saved to %s; the verdict: %s. 'b22 classify %s --format text' shows the full result.", "b22：答案已保存到 %s；结论：%s。运行“b22 classify %s --format text”可查看完整结果。"},
	"exit_so_far":           {"b22: answers saved to %s; the verdict so far: %s. 'b22 classify %s --format text' shows the full result.", "b22：答案已保存到 %s；目前的结论：%s。运行“b22 classify %s --format text”可查看完整结果。"},
	"stopped":               {"Stopped before the end: %d of about %d questions answered. Run b22 interview again to resume. The result so far:", "提前结束：约 %[2]d 题中已答 %[1]d 题。再次运行 b22 interview 可继续作答。目前的结果："},
}
