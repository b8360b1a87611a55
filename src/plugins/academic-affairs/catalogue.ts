import type { MaterialDefinition, ServiceDefinition, VariantDefinition } from "../../core";

// The brochure lists no Academic Affairs items; these are what such an office usually
// receives at a student hall. Certificates carry the office's seal, which is applied in
// the office and not at the window, hence the promised days.

const AT_THE_WINDOW = "平台窗口领取";

const studentId: MaterialDefinition = { name: "学生证", nameEn: "Student ID booklet", count: 1 };
const passportCopy: MaterialDefinition = {
  name: "护照信息页复印件（用于核对英文姓名）",
  nameEn: "Copy of the passport's data page, for the spelling of the name",
  count: 1,
};

/** A certificate issued in Chinese or in English; the English one checks the name's spelling. */
function languageVariants(form: MaterialDefinition): VariantDefinition[] {
  return [
    { code: "zh", name: "中文版", nameEn: "Chinese version", materials: [form, studentId] },
    {
      code: "en",
      name: "英文版",
      nameEn: "English version",
      materials: [form, studentId, passportCopy],
      steps: ["申请表上填写与护照一致的英文姓名；无护照的按汉语拼音拼写。"],
    },
  ];
}

/** The Academic Affairs Office's services at the hall. */
export const catalogue: ServiceDefinition[] = [
  {
    code: "enrolment-certificate",
    name: "在读证明",
    nameEn: "Certificate of enrolment",
    description: "证明学生当前在校就读的学籍证明，可用于签证、实习、求职等，提供中文版和英文版。",
    feeFen: 0,
    mode: "PROMISED",
    promisedWorkingDays: 1,
    materials: [studentId],
    steps: [
      "在平台窗口领取《在读证明申请表》，注明用途、语言和份数。",
      "携申请表和学生证至教务处指定窗口，窗口核对学籍状态为在读。",
      "教务处打印证明并加盖公章。",
      "在告知的日期凭学生证至原窗口领取。",
    ],
    variants: languageVariants({
      name: "在读证明申请表",
      nameEn: "Application form for a certificate of enrolment",
      count: 1,
      source: AT_THE_WINDOW,
    }),
  },
  {
    code: "academic-transcript",
    name: "成绩单",
    nameEn: "Academic transcript",
    description: "加盖教务处公章的历年课程成绩单，提供中文版和英文版，可按需密封。",
    feeFen: 0,
    mode: "PROMISED",
    promisedWorkingDays: 2,
    materials: [studentId],
    steps: [
      "在平台窗口领取《成绩单申请表》，注明语言、份数以及是否需要密封。",
      "携申请表和学生证至教务处指定窗口，窗口核对身份和申请内容。",
      "教务处从教务系统导出成绩单，核对后加盖公章，需要时装入信封骑缝盖章。",
      "在告知的日期凭学生证至原窗口领取；他人代领须出示委托书。",
    ],
    variants: languageVariants({
      name: "成绩单申请表",
      nameEn: "Transcript application form",
      count: 1,
      source: AT_THE_WINDOW,
    }),
  },
  {
    code: "exam-deferral",
    name: "缓考申请",
    nameEn: "Application to defer an exam",
    description:
      "因病或其他特殊原因不能参加期末考试的，于考试前申请缓考，获准后参加下学期初的缓考。",
    feeFen: 0,
    mode: "PROMISED",
    promisedWorkingDays: 3,
    materials: [
      {
        name: "缓考申请表",
        nameEn: "Exam deferral application form",
        count: 1,
        source: "教务处网站下载",
      },
      {
        name: "证明材料（如医院诊断证明）",
        nameEn: "Supporting document, e.g. a hospital certificate",
        count: 1,
      },
      studentId,
    ],
    steps: [
      "在考试开始前填写缓考申请表，请任课教师和所在学院教学秘书签字。",
      "附上证明材料，交至教务处指定窗口。",
      "教务处审核后在教务系统登记结果，窗口在承诺日期内告知学生。",
      "获准的学生按通知参加下学期开学初的缓考。",
    ],
  },
  {
    code: "score-review",
    name: "成绩复核申请",
    nameEn: "Application to review a course grade",
    description: "对已公布的课程成绩有疑问的，在成绩公布后规定期限内申请复核。",
    feeFen: 0,
    mode: "PROMISED",
    promisedWorkingDays: 3,
    materials: [
      {
        name: "成绩复核申请表",
        nameEn: "Grade review application form",
        count: 1,
        source: AT_THE_WINDOW,
      },
      studentId,
    ],
    steps: [
      "在平台窗口领取《成绩复核申请表》，写明课程名称、任课教师和复核理由。",
      "交至教务处指定窗口，窗口登记并告知答复日期。",
      "教务处会同开课学院核查试卷和成绩记录。",
      "窗口在承诺日期内告知复核结果；成绩有误的，由教务处在系统中更正。",
    ],
  },
];
