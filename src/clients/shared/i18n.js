// Labels in Chinese first, with an English switch kept in localStorage.
const LANG_KEY = "onestop.lang";

const WORDS = {
  zh: {
    "hall": "一门式学生服务平台",
    "board.title": "叫号大屏",
    "board.waiting": "等候人数",
    "board.calling": "请到窗口",
    "board.window": "窗口",
    "board.offline": "连接中断，正在重连…",
    "app.title": "志愿者窗口",
    "sign.in": "登录",
    "sign.out": "退出",
    "account": "账号",
    "password": "密码",
    "window": "窗口",
    "sign.on": "上岗",
    "sign.off": "下岗",
    "waiting": "等候",
    "call.next": "叫下一位",
    "recall": "重呼",
    "start": "开始办理",
    "complete": "办结",
    "no.show": "未到",
    "current": "当前号码",
    "none": "无",
    "outcome": "结果",
    "outcome.DONE": "当场办结",
    "outcome.CASE_OPENED": "已立案",
    "outcome.REFERRED": "已转介",
    "outcome.MATERIALS_INCOMPLETE": "材料不全",
    "case.open": "立案（首问负责）",
    "case.subject": "事项",
    "case.origin": "来源",
    "origin.TICKET": "窗口取号",
    "origin.PHONE": "来电",
    "origin.WALK_IN": "现场咨询",
    "service.code": "服务代码",
    "materials": "已收材料（名称×数量，每行一项）",
    "case.mine": "我负责的事项",
    "case.handover": "转交",
    "case.to": "转交部门",
    "case.reason": "原因",
    "case.accept": "接收",
    "case.incoming": "转交给本部门的事项",
    "case.close": "办结答复",
    "case.answer": "给学生的答复",
    "case.referred": "转介去向（如有）",
    "case.due": "办结时限",
    "ok": "已完成",
    "supervisor.title": "投诉实时监督",
    "feed": "实时动态",
    "complaints": "投诉",
    "flagged": "需诫勉谈话的志愿者",
    "acknowledge": "受理",
    "investigate": "调查",
    "uphold": "成立",
    "dismiss": "不成立",
    "note": "说明",
    "history": "处理记录",
    "talks": "诫勉谈话记录",
    "err.UNAUTHENTICATED": "请先登录",
    "err.FORBIDDEN": "无权执行此操作",
    "err.BAD_USER_INPUT": "输入有误",
    "err.NOT_FOUND": "未找到",
    "err.CONFLICT": "当前状态不允许此操作",
    "err.OUTSIDE_SERVICE_HOURS": "不在服务时间",
    "err.TOO_MANY_REQUESTS": "尝试过于频繁",
    "err.INTERNAL": "系统错误",
    "err.NETWORK": "网络连接失败",
  },
  en: {
    "hall": "One-stop Student Affairs Hall",
    "board.title": "Queue board",
    "board.waiting": "Waiting",
    "board.calling": "Please go to window",
    "board.window": "Window",
    "board.offline": "Connection lost, reconnecting…",
    "app.title": "Volunteer window",
    "sign.in": "Sign in",
    "sign.out": "Sign out",
    "account": "Account",
    "password": "Password",
    "window": "Window",
    "sign.on": "Sign on",
    "sign.off": "Sign off",
    "waiting": "Waiting",
    "call.next": "Call next",
    "recall": "Recall",
    "start": "Start serving",
    "complete": "Complete",
    "no.show": "No-show",
    "current": "Current number",
    "none": "none",
    "outcome": "Outcome",
    "outcome.DONE": "Done on the spot",
    "outcome.CASE_OPENED": "Case opened",
    "outcome.REFERRED": "Referred",
    "outcome.MATERIALS_INCOMPLETE": "Materials incomplete",
    "case.open": "Open a case (first inquiry)",
    "case.subject": "Matter",
    "case.origin": "Origin",
    "origin.TICKET": "Queue ticket",
    "origin.PHONE": "Phone call",
    "origin.WALK_IN": "Walk-in",
    "service.code": "Service code",
    "materials": "Materials received (name×count, one per line)",
    "case.mine": "Cases I own",
    "case.handover": "Hand over",
    "case.to": "To department",
    "case.reason": "Reason",
    "case.accept": "Accept",
    "case.incoming": "Cases handed to my department",
    "case.close": "Close with answer",
    "case.answer": "Answer given to the student",
    "case.referred": "Referred to (if any)",
    "case.due": "Due",
    "ok": "Done",
    "supervisor.title": "Complaints, live",
    "feed": "Live feed",
    "complaints": "Complaints",
    "flagged": "Volunteers flagged for a coaching talk",
    "acknowledge": "Acknowledge",
    "investigate": "Investigate",
    "uphold": "Uphold",
    "dismiss": "Dismiss",
    "note": "Note",
    "history": "History",
    "talks": "Coaching talks",
    "err.UNAUTHENTICATED": "Please sign in",
    "err.FORBIDDEN": "You may not do this",
    "err.BAD_USER_INPUT": "Input is not valid",
    "err.NOT_FOUND": "Not found",
    "err.CONFLICT": "Not possible in the current state",
    "err.OUTSIDE_SERVICE_HOURS": "Outside service hours",
    "err.TOO_MANY_REQUESTS": "Too many attempts",
    "err.INTERNAL": "System error",
    "err.NETWORK": "Network failure",
  },
};

export function lang() {
  return localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh";
}

export function t(key) {
  return WORDS[lang()][key] ?? WORDS.zh[key] ?? key;
}

/** Fills every element with data-i18n="key"; inputs get it as their placeholder. */
export function applyLabels(root = document) {
  document.documentElement.lang = lang() === "en" ? "en" : "zh-CN";
  for (const el of root.querySelectorAll("[data-i18n]")) {
    const text = t(el.dataset.i18n);
    if (el.tagName === "INPUT" || el.tagName === "TEXTAREA") el.placeholder = text;
    else el.textContent = text;
  }
}

/** A button that switches the language and re-labels the page. */
export function languageSwitch(onChange) {
  const button = document.createElement("button");
  button.className = "lang";
  button.type = "button";
  const label = () => (button.textContent = lang() === "en" ? "中文" : "English");
  label();
  button.addEventListener("click", () => {
    localStorage.setItem(LANG_KEY, lang() === "en" ? "zh" : "en");
    label();
    applyLabels();
    onChange?.();
  });
  return button;
}
