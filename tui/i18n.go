package tui

import (
	"b22/classify"
	"b22/internal/present"
)

// tr is the UI string key in lang; a missing key shows as itself, which
// TestI18nKeys prevents.
func tr(lang, key string) string {
	if t, ok := uiText[key]; ok {
		return t.In(lang)
	}
	// Words every renderer says (punctuation, list joints) are the shared
	// table's; a key neither table has is shown as itself, so that a gap
	// shows.
	if t := present.SharedLabel(key); t != (classify.Text{}) {
		return t.In(lang)
	}
	return key
}

// uiText holds every word the interview shows that is not in the rule set:
// screens, widgets, keys, messages, the plain mode. Questions, choices,
// help, verdict summaries and reasons come from the rule set's own zh/en
// texts; the words for verdicts, strengths, statuses, coverage, yes and no
// and answers, and the result's outline, which the text report and the
// memo use too, from present's shared table, in the same shape as this one.
// A {licence}, {licence_name} or {subcategory_count} in them is the rule
// set's (present.Words.Fill): the interview names no licence itself.
var uiText = present.Labels{
	// languages
	"lang_name":  {En: "English", Zh: "中文"},
	"lang_short": {En: "EN", Zh: "中文"},
	"sep":        {En: " ", Zh: ""},

	"too_small": {En: "Window too small (%d×%d): make it at least %d×%d. ctrl+c saves and quits.", Zh: "窗口太小（%d×%d）：请调整到至少 %d×%d。按 ctrl+c 保存并退出。"},

	// intro
	"intro_what": {
		En: "b22 tells whether a product needs the licence for {licence_name} ({licence}): which of its {subcategory_count} sub-categories applies and why, the licence scope and issuing authority, the conditions your company meets or misses, and neighbouring rules to check.",
		Zh: "b22 判断产品是否需要{licence_name}（{licence}）经营许可：属于哪个子类及理由、许可范围和发证机关、公司满足或不满足的许可条件，以及需要同时检查的相关制度。"},
	"intro_time": {
		En: "Up to %d questions, fewer on most paths. \"Not sure\" is always an answer; the result then says what it depends on.",
		Zh: "最多 %d 个问题，多数情况更少。任何问题都可以选“不确定”，结果会说明结论取决于哪些问题。"},
	"intro_saved":           {En: "Answers are saved to %s after every answer; ctrl+c saves and quits, and running b22 interview again resumes.", Zh: "每答一题都会保存到 %s；ctrl+c 保存并退出，再次运行 b22 interview 可继续作答。"},
	"intro_lang":            {En: "Language:", Zh: "语言："},
	"intro_lang_switch":     {En: "(ctrl+l: 中文)", Zh: "（ctrl+l：English）"},
	"intro_name":            {En: "Product (optional)", Zh: "产品名称（可选）"},
	"intro_company":         {En: "Company (optional)", Zh: "公司名称（可选）"},
	"intro_found":           {En: "Found saved answers in %s: %s.", Zh: "在 %s 中找到已保存的答案：%s。"},
	"intro_full":            {En: "Names are kept to %d characters: the rest was not taken.", Zh: "名称最多 %d 个字符，超出部分未录入。"},
	"intro_start":           {En: "Start", Zh: "开始"},
	"intro_resume":          {En: "Resume", Zh: "继续作答"},
	"intro_start_over":      {En: "Start over", Zh: "重新开始"},
	"intro_start_over_note": {En: "Start over keeps the old answers in a backup file beside them.", Zh: "重新开始时，旧答案会备份到同一文件夹中的备份文件。"},

	// question screen and widgets
	"not_sure":            {En: "not sure", Zh: "不确定"},
	"not_answered":        {En: "— not answered", Zh: "— 未回答"},
	"current":             {En: "(current answer)", Zh: "（当前答案）"},
	"money_placeholder":   {En: "e.g. 1000万 or 10,000,000", Zh: "例如 1000万 或 10,000,000"},
	"money_hint":          {En: "Type the amount as you would write it: 1000万, 10,000,000, 1.5亿, RMB 2m, 2 million.", Zh: "按习惯输入金额即可：1000万、10,000,000、1.5亿、RMB 2m、2 million。"},
	"percent_placeholder": {En: "e.g. 0, 25 or 49.5", Zh: "例如 0、25 或 49.5"},
	"percent_hint":        {En: "Type a percentage from 0 to 100, such as 25 or 49.5.", Zh: "输入 0 到 100 之间的百分比，例如 25 或 49.5。"},
	"count_placeholder":   {En: "e.g. 12", Zh: "例如 12"},
	"count_hint":          {En: "Type a whole number, such as 12 or 1,500.", Zh: "输入整数，例如 12 或 1,500。"},
	"multi_hint":          {En: "space (or the number) ticks; enter when done. Nothing ticked means none of these.", Zh: "空格键（或编号）勾选，完成后按 enter。不勾选表示都不适用。"},
	"number_hint_unsure":  {En: "Type s if not sure.", Zh: "不确定请输入 s。"},
	"filter_placeholder":  {En: "type pinyin, Chinese or English to filter", Zh: "输入拼音、中文或英文筛选"},
	"no_match":            {En: "Nothing matches; delete some letters (backspace) or type pinyin such as guangdong or gd.", Zh: "没有匹配项；请删除部分字母（退格键），或输入拼音如 guangdong、gd。"},
	"choose_bool":         {En: "No answer yet: press y for yes or n for no, or move with ↑/↓ and press enter.", Zh: "尚未作答：按 y 表示是、n 表示否，或用 ↑/↓ 选择后按 enter。"},
	"choose_bool_unsure":  {En: "No answer yet: press y for yes, n for no or s if not sure, or move with ↑/↓ and press enter.", Zh: "尚未作答：按 y 表示是、n 表示否、s 表示不确定，或用 ↑/↓ 选择后按 enter。"},
	"choose_enum":         {En: "No answer yet: press a choice's number, or move with ↑/↓ and press enter.", Zh: "尚未作答：按选项编号，或用 ↑/↓ 选择后按 enter。"},
	"choose_enum_unsure":  {En: "No answer yet: press a choice's number (s if not sure), or move with ↑/↓ and press enter.", Zh: "尚未作答：按选项编号（不确定按 s），或用 ↑/↓ 选择后按 enter。"},
	"choose_picker":       {En: "No answer yet: type to filter or move with ↑/↓, then press enter.", Zh: "尚未作答：输入文字筛选或用 ↑/↓ 选择，然后按 enter。"},
	"choose_multi":        {En: "Nothing is ticked: tick what applies with space or its number, then press enter. Press enter again to answer \"none of these\".", Zh: "尚未勾选：用空格键或编号勾选适用项后按 enter。再按一次 enter 表示都不适用。"},
	"unsure_not_offered":  {En: "This question has no \"not sure\"; please choose an answer.", Zh: "此问题没有“不确定”选项，请选择一个答案。"},
	"not_asked_now":       {En: "Given your other answers this question is not asked; an answer here is kept but does not count.", Zh: "根据其他答案，此问题目前无需回答；在此作答会被保留，但不影响结果。"},
	"help_title":          {En: "Help", Zh: "说明"},
	"why_matters":         {En: "Why it matters", Zh: "为何重要"},
	"help_close":          {En: "Press ? or esc to go back to the question.", Zh: "按 ? 或 esc 返回问题。"},
	"progress":            {En: "%d of about %d on this path", Zh: "本路径约 %[2]d 题中的第 %[1]d 题"},
	"progress_off_path":   {En: "not asked on this path (about %d are)", Zh: "当前路径不问此题（约 %d 题）"},
	"live":                {En: "So far:", Zh: "目前结论："},
	"live_hinges":         {En: "%d questions decide it", Zh: "取决于 %d 个待定问题"},
	"live_hinges_one":     {En: "%d question decides it", Zh: "取决于 %d 个待定问题"},
	"more_above":          {En: "↑ %d more", Zh: "↑ 上方还有 %d 项"},
	"more_below":          {En: "↓ %d more", Zh: "↓ 下方还有 %d 项"},
	"more_lines_above":    {En: "↑ %d lines above", Zh: "↑ 上方还有 %d 行"},
	"more_lines_below":    {En: "↓ %d lines more: ↓ scrolls", Zh: "↓ 下方还有 %d 行：按 ↓ 滚动"},
	"live_none":           {En: "nothing answered yet; the verdict builds up as you answer.", Zh: "尚未作答；结论会随作答逐步形成。"},
	"live_open":           {En: "still open: ", Zh: "尚待确定："},
	"live_open_more":      {En: "%s, +%d more", Zh: "%s及另外 %d 项"},
	"live_open_count":     {En: "%d still open", Zh: "%d 项尚待确定"},
	"live_more":           {En: "+%d more", Zh: "另有 %d 项"},
	"live_found_count":    {En: "%d found", Zh: "已判定 %d 项"},
	"dot_sep":             {En: " · ", Zh: "；"},
	"live_sub":            {En: "%s (%s)", Zh: "%s（%s）"},
	"scrolled":            {En: "%d%% scrolled", Zh: "已浏览 %d%%"},
	"intro_name_ph":       {En: "e.g. Acme Meet", Zh: "例如 某某会议"},
	"intro_company_ph":    {En: "e.g. Acme Ltd", Zh: "例如 某某科技有限公司"},
	"k_start":             {En: "start / next", Zh: "开始 / 下一项"},
	"editing":             {En: "(editing)", Zh: "（修改中）"},

	// number messages
	"n_empty_money":     {En: "Type an amount, for example 1000万, 10,000,000 or 2 million.", Zh: "请输入金额，例如 1000万、10,000,000 或 2 million。"},
	"n_empty_percent":   {En: "Type a percentage from 0 to 100, such as 25 or 49.5.", Zh: "请输入 0 到 100 之间的百分比，例如 25 或 49.5。"},
	"n_empty_count":     {En: "Type a whole number, such as 12 or 1,500.", Zh: "请输入整数，例如 12 或 1,500。"},
	"n_negative":        {En: "It cannot be negative: type 0 or more.", Zh: "不能为负数：请输入 0 或更大的数。"},
	"n_separators":      {En: "\"%s\" can be read two ways: use a point only for decimals (1.5) and commas only between groups of three digits (10,000,000).", Zh: "“%s”有歧义：小数点只用于小数（如 1.5），逗号只用于每三位分组（如 10,000,000）。"},
	"n_unit_order":      {En: "\"%s\": give each part its unit, largest first, as in 1亿5000万.", Zh: "“%s”：请为每一部分写明单位，从大到小，如 1亿5000万。"},
	"n_unknown_money":   {En: "Could not read \"%s\" as an amount: type digits, with 万, 亿, k, m (million) or bn if you like, such as 1.5亿 or 2 million.", Zh: "无法将“%s”识别为金额：请输入阿拉伯数字，可带 万、亿、k、m（百万）或 bn，如 1.5亿 或 2 million。"},
	"n_unknown_percent": {En: "Could not read \"%s\" as a percentage: type digits, such as 25 or 49.5.", Zh: "无法将“%s”识别为百分比：请输入阿拉伯数字，例如 25 或 49.5。"},
	"n_unknown_count":   {En: "Could not read \"%s\" as a number: type a whole number in digits, such as 12 or 1,500.", Zh: "无法将“%s”识别为数字：请输入阿拉伯数字的整数，例如 12 或 1,500。"},
	"n_whole":           {En: "Type a whole number, such as %s.", Zh: "请输入整数，例如 %s。"},
	"n_a_number":        {En: "a number", Zh: "数字"},
	"n_a_whole_number":  {En: "a whole number", Zh: "整数"},
	"n_range":           {En: "Type %s from %s to %s.", Zh: "请输入 %[2]s 到 %[3]s 之间的%[1]s。"},
	"n_range_min":       {En: "Type %s of at least %s.", Zh: "请输入不小于 %[2]s 的%[1]s。"},
	"n_range_max":       {En: "Type %s of at most %s.", Zh: "请输入不大于 %[2]s 的%[1]s。"},
	"n_too_large":       {En: "That number is too large.", Zh: "数字过大。"},

	// review
	"review_title":     {En: "Review", Zh: "检查答案"},
	"review_count":     {En: "%d of about %d answered", Zh: "约 %[2]d 题中已答 %[1]d 题"},
	"review_count_all": {En: "all %d answered", Zh: "%d 题已全部作答"},
	"review_missing":   {En: "%d not answered yet: enter on one answers it.", Zh: "还有 %d 题未答：选中后按 enter 作答。"},
	"kept_not_asked":   {En: "(no longer asked; kept)", Zh: "（目前无需回答，已保留）"},
	"changed_title":    {En: "What changed", Zh: "结果变化"},

	// result
	"result_title":  {En: "Result", Zh: "结果"},
	"r_open_hint":   {En: "Select one with ↑/↓, tab or its number and press enter to answer it.", Zh: "用 ↑/↓、tab 或编号选择，按 enter 作答。"},
	"r_levers_hint": {En: "Select one with ↑/↓, tab or its number and press enter to change that answer.", Zh: "用 ↑/↓、tab 或编号选择，按 enter 修改该答案。"},

	// menu
	"menu_title":        {En: "Go to", Zh: "跳转到"},
	"menu_count":        {En: "%d of %d answered", Zh: "已答 %d / %d"},
	"menu_not_asked":    {En: "not asked given your answers", Zh: "根据已有答案无需回答"},
	"menu_review":       {En: "Review all answers", Zh: "检查全部答案"},
	"menu_result":       {En: "Result", Zh: "结果"},
	"section_not_asked": {En: "That section is not asked given your answers.", Zh: "根据已有答案，该部分无需回答。"},
	"keys_title":        {En: "Keys", Zh: "按键"},

	// saving
	"saved":            {En: "saved", Zh: "已保存"},
	"saving":           {En: "saving", Zh: "保存中"},
	"not_saved":        {En: "not saved", Zh: "未保存"},
	"save_failed":      {En: "Could not save the answers: %v", Zh: "无法保存答案：%v"},
	"save_failed_quit": {En: "Not saved; press ctrl+c again to quit without saving: %v", Zh: "未能保存；再按 ctrl+c 将不保存直接退出：%v"},
	"write_failed":     {En: "Could not write: %v", Zh: "无法写入：%v"},
	"wrote_answers":    {En: "Answers saved to %s", Zh: "答案已保存到 %s"},
	"wrote_result":     {En: "Result JSON saved to %s", Zh: "结果 JSON 已保存到 %s"},
	"wrote_memo":       {En: "Memo saved to %s", Zh: "备忘录已保存到 %s"},
	"wrote_kept":       {En: "(%s was already there and is kept as it was)", Zh: "（原有的 %s 保持不变）"},
	"wrote_backup":     {En: "Old answers kept in %s", Zh: "旧答案已备份到 %s"},

	// keys
	"k_move":          {En: "move", Zh: "移动"},
	"k_answer":        {En: "answer", Zh: "确定"},
	"k_tick":          {En: "tick", Zh: "勾选"},
	"k_notsure":       {En: "not sure", Zh: "不确定"},
	"k_goto":          {En: "go there", Zh: "前往"},
	"k_pick":          {En: "select", Zh: "选择"},
	"k_notsure_last":  {En: "not sure (the last row)", Zh: "不确定（最后一行）"},
	"k_next":          {En: "skip", Zh: "跳过"},
	"k_back":          {En: "back", Zh: "上一题"},
	"k_help":          {En: "help & keys", Zh: "说明和按键"},
	"k_more":          {En: "all keys", Zh: "全部按键"},
	"k_sections":      {En: "go to", Zh: "跳转"},
	"k_lang":          {En: "中文", Zh: "English"},
	"k_quit":          {En: "save & quit", Zh: "保存退出"},
	"k_review":        {En: "review", Zh: "检查答案"},
	"k_result":        {En: "result", Zh: "结果"},
	"k_edit":          {En: "edit", Zh: "修改"},
	"k_open":          {En: "answer selected", Zh: "回答所选问题"},
	"k_change":        {En: "change answer", Zh: "修改所选答案"},
	"k_save":          {En: "save answers", Zh: "保存答案"},
	"k_save_result":   {En: "save result JSON", Zh: "保存结果 JSON"},
	"k_memo":          {En: "write memo", Zh: "生成备忘录"},
	"k_pgup":          {En: "page up", Zh: "上一页"},
	"k_pgdown":        {En: "page down", Zh: "下一页"},
	"k_close":         {En: "close", Zh: "关闭"},
	"k_last_question": {En: "last question", Zh: "回到最后一题"},

	// plain mode
	"plain_intro":           {En: "Plain mode: up to %d questions, one per line. Answers are saved to %s after every answer.", Zh: "逐行模式：最多 %d 个问题，每行一个。每答一题都会保存到 %s。"},
	"plain_keys":            {En: "At any prompt: ? help, s (or -) not sure, b back, L 中文, q save and stop. Enter keeps a current answer.", Zh: "任一提示处：? 说明，s（或 -）不确定，b 上一题，L English，q 保存并停止。直接回车保留当前答案。"},
	"plain_resume":          {En: "Found saved answers in %s (%d of about %d answered). Resume them? Type y to resume, or n to start over (the old answers are kept in a backup).", Zh: "在 %s 中找到已保存的答案（约 %[3]d 题中已答 %[2]d 题）。继续作答吗？输入 y 继续，输入 n 重新开始（旧答案会备份）。"},
	"plain_yes_no":          {En: "Type y to resume or n to start over.", Zh: "请输入 y 继续作答，或 n 重新开始。"},
	"plain_name":            {En: "Product name (optional; press Enter to skip):", Zh: "产品名称（可选，直接回车跳过）："},
	"plain_company":         {En: "Company name (optional; press Enter to skip):", Zh: "公司名称（可选，直接回车跳过）："},
	"plain_current":         {En: "Current answer: %s (press Enter to keep it).", Zh: "当前答案：%s（直接回车保留）。"},
	"plain_allowed_bool":    {En: "Type y for yes or n for no", Zh: "输入 y 表示是，n 表示否"},
	"plain_allowed_enum":    {En: "Type a number from 1 to %d", Zh: "输入 1 到 %d 之间的编号"},
	"plain_allowed_picker":  {En: "Type a number from 1 to %d, or a name in pinyin or Chinese", Zh: "输入 1 到 %d 之间的编号，或拼音、中文名称"},
	"plain_allowed_multi":   {En: "Type the numbers of all that apply (1 to %d) separated by spaces, or 0 for none", Zh: "输入所有适用项的编号（1 到 %d），用空格分隔；都不适用输入 0"},
	"plain_allowed_money":   {En: "Type an amount, such as 1000万, 10,000,000, 1.5亿 or 2 million", Zh: "输入金额，例如 1000万、10,000,000、1.5亿 或 2 million"},
	"plain_allowed_percent": {En: "Type a percentage from 0 to 100, such as 25 or 49.5", Zh: "输入 0 到 100 之间的百分比，例如 25 或 49.5"},
	"plain_allowed_count":   {En: "Type a whole number, such as 12 or 1,500", Zh: "输入整数，例如 12 或 1,500"},
	"plain_allowed_unsure":  {En: "; s if not sure", Zh: "；不确定输入 s"},
	"plain_allowed_rest":    {En: "; ? for help; b to go back.", Zh: "；? 查看说明；b 返回上一题。"},
	"plain_keys_unsure":     {En: "Type s if not sure, ? for help or b to go back.", Zh: "不确定输入 s；? 查看说明；b 返回上一题。"},
	"plain_keys_rest":       {En: "Type ? for help or b to go back.", Zh: "输入 ? 查看说明；b 返回上一题。"},
	"plain_empty":           {En: "No answer yet.", Zh: "尚未作答。"},
	"plain_not_choice":      {En: "\"%s\" is not one of the choices.", Zh: "“%s”不是可选项。"},
	"plain_several":         {En: "Several match: %s. Type the number.", Zh: "有多个匹配：%s。请输入编号。"},
	"plain_first":           {En: "This is the first question.", Zh: "这已是第一题。"},
	"plain_review_prompt":   {En: "Type a number to change that answer, or press Enter to see the result:", Zh: "输入编号修改对应答案，或直接回车查看结果："},
	"plain_review_bad":      {En: "\"%s\" is not on the list: type a number from 1 to %d, or press Enter to see the result.", Zh: "“%s”不在列表中：请输入 1 到 %d 之间的编号，或直接回车查看结果。"},
	"plain_saved_at":        {En: "Answers saved to %s.", Zh: "答案已保存到 %s。"},
	"exit_final":            {En: "b22: answers saved to %s; the verdict: %s. 'b22 classify %s --format text' shows the full result.", Zh: "b22：答案已保存到 %s；结论：%s。运行“b22 classify %s --format text”可查看完整结果。"},
	"exit_so_far":           {En: "b22: answers saved to %s; the verdict so far: %s. 'b22 classify %s --format text' shows the full result.", Zh: "b22：答案已保存到 %s；目前的结论：%s。运行“b22 classify %s --format text”可查看完整结果。"},
	"stopped":               {En: "Stopped before the end: %d of about %d questions answered. Run b22 interview again to resume. The result so far:", Zh: "提前结束：约 %[2]d 题中已答 %[1]d 题。再次运行 b22 interview 可继续作答。目前的结果："},
}
