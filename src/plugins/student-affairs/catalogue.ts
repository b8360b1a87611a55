import type { MaterialDefinition, ServiceDefinition, VariantDefinition } from "../../core";

// The brochure sends students to the employment information website for every report
// certificate form, so the source is spelt once and the same everywhere.
const EMPLOYMENT_DOWNLOADS = "就业信息服务网-公共下载";
const AT_THE_WINDOW = "平台窗口领取";

const studentId: MaterialDefinition = { name: "学生证", nameEn: "Student ID booklet", count: 1 };
const identityCard: MaterialDefinition = { name: "本人身份证", nameEn: "Identity card", count: 1 };

function downloadedForm(name: string, nameEn: string): MaterialDefinition {
  return { name, nameEn, count: 1, source: EMPLOYMENT_DOWNLOADS };
}

/** The five kinds of report certificate printing the brochure names, each with its own forms. */
const reportCertificateVariants: VariantDefinition[] = [
  {
    code: "first-print",
    name: "首次打印",
    nameEn: "First print",
    materials: [
      downloadedForm("报到证打印申请表", "Report certificate printing application form"),
      {
        name: "就业协议书（学校已签证）",
        nameEn: "Employment agreement endorsed by the university",
        count: 1,
      },
      identityCard,
    ],
    steps: [
      "从就业信息服务网“公共下载”栏目下载《报到证打印申请表》并如实填写。",
      "携申请表、已签证的就业协议书和本人身份证至学生工作部窗口。",
      "窗口核对就业信息与协议一致后实时打印报到证，学生当场核对姓名、单位与报到地点后签收。",
    ],
  },
  {
    code: "redispatch-or-breach",
    name: "改派/违约",
    nameEn: "Re-dispatch or breach of contract",
    materials: [
      downloadedForm("报到证改派申请表", "Report certificate re-dispatch application form"),
      {
        name: "原单位解约证明（退函）",
        nameEn: "Release letter from the former employer",
        count: 1,
      },
      {
        name: "新单位接收函或就业协议书",
        nameEn: "Acceptance letter or employment agreement of the new employer",
        count: 1,
      },
      { name: "原报到证", nameEn: "The report certificate printed earlier", count: 1 },
    ],
    steps: [
      "适用于已打印过报到证、因改派或违约需要改打的情形。",
      "从就业信息服务网“公共下载”栏目下载《报到证改派申请表》，填写后由所在学院签署意见。",
      "携申请表、原单位解约证明、新单位接收材料和原报到证至学生工作部窗口。",
      "窗口收回原报到证，按新单位信息实时改打，学生当场核对后签收。",
    ],
  },
  {
    code: "lost-reprint",
    name: "丢失补打",
    nameEn: "Reprint after loss",
    materials: [
      downloadedForm(
        "报到证遗失补打申请表",
        "Application form for reprinting a lost report certificate",
      ),
      downloadedForm("报到证遗失情况说明（本人签名）", "Signed statement of the loss"),
      identityCard,
    ],
    steps: [
      "从就业信息服务网“公共下载”栏目下载补打申请表和遗失情况说明，如实填写并签名。",
      "携申请表、遗失情况说明和本人身份证至学生工作部窗口。",
      "窗口核对原打印记录后实时补打，学生当场签收。",
    ],
  },
  {
    code: "error-reprint",
    name: "错误重打",
    nameEn: "Reprint to correct an error",
    materials: [
      downloadedForm(
        "报到证错误重打申请表",
        "Application form for reprinting a wrong report certificate",
      ),
      { name: "有误的原报到证", nameEn: "The wrong report certificate", count: 1 },
      {
        name: "证明正确信息的材料（如身份证复印件、单位证明）",
        nameEn: "Proof of the correct details, e.g. an identity card copy or employer's letter",
        count: 1,
      },
    ],
    steps: [
      "从就业信息服务网“公共下载”栏目下载重打申请表，写明有误的项目和正确内容。",
      "携申请表、有误的原报到证和证明材料至学生工作部窗口。",
      "窗口收回原报到证，核对后实时重打，学生当场核对后签收。",
    ],
  },
  {
    code: "printed-proof",
    name: "报到证已打印证明",
    nameEn: "Proof that the report certificate was printed",
    materials: [
      downloadedForm("报到证已打印证明申请表", "Application form for proof of earlier printing"),
      { name: "本人身份证复印件", nameEn: "Copy of the identity card", count: 1 },
    ],
    steps: [
      "从就业信息服务网“公共下载”栏目下载证明申请表并填写用途。",
      "携申请表和身份证复印件至学生工作部窗口。",
      "窗口查询打印记录后实时出具加盖公章的证明。",
    ],
  },
];

/** The Student Affairs Department's services at the hall. */
export const catalogue: ServiceDefinition[] = [
  {
    code: "student-id-registration",
    name: "学生证注册",
    nameEn: "Student ID registration",
    description: "每学期为学生证加盖注册章；注册后的学生证方可继续用作在校身份证明和购票优惠凭证。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [studentId],
    steps: [
      "携本人学生证至学生工作部指定窗口取号。",
      "志愿者核对学生证与本人一致、学籍状态为在读。",
      "在学生证注册栏加盖本学期注册章，当场交还。",
    ],
  },
  {
    code: "student-id-replacement",
    name: "学生证补办",
    nameEn: "Student ID replacement",
    description: "学生证遗失或损坏时补办新证，工本费2元/本。",
    feeFen: 200,
    mode: "PROMISED",
    promisedWorkingDays: 3,
    materials: [
      {
        name: "补办学生证申请表",
        nameEn: "Student ID replacement application form",
        count: 1,
        source: AT_THE_WINDOW,
      },
      { name: "一寸照", nameEn: "1-inch photo", count: 1 },
    ],
    steps: [
      "在平台窗口领取《补办学生证申请表》，如实填写并请所在学院辅导员签字确认。",
      "携申请表和一张一寸照至学生工作部指定窗口，缴纳工本费2元/本；学生证损坏的，一并交回原证。",
      "窗口核对学籍信息和材料，告知领取日期。",
      "学生工作部制作新证，粘贴照片，加盖钢印和本学期注册章。",
      "在告知的日期凭校园卡至原窗口领取新学生证。",
    ],
  },
  {
    code: "evaluation-booklet-replacement",
    name: "综合测评本补办",
    nameEn: "Comprehensive evaluation booklet replacement",
    description: "学生综合素质测评本遗失或损坏时补领新本，工本费6元/本。",
    feeFen: 600,
    mode: "ON_THE_SPOT",
    materials: [studentId],
    steps: [
      "工作日9:00-19:30携本人学生证至学生工作部指定窗口，说明补办原因。",
      "缴纳工本费6元/本，窗口核对身份后当场发放新的综合测评本。",
      "持新本回所在学院，由辅导员依据存档补录以往学年的测评结果并盖章。",
    ],
  },
  {
    code: "scholarship-aid-paperwork",
    name: "奖助相关业务",
    nameEn: "Scholarship and financial aid paperwork",
    description:
      "奖学金、助学金和家庭经济困难认定等奖助工作的材料收集、发放与统计，由指定窗口集中受理。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [studentId],
    steps: [
      "查看学生工作部发布的当期奖助通知，确认要办的事项和截止日期。",
      "按事项备齐材料，至学生工作部指定窗口。",
      "窗口当场核对并签收材料、发放证书或登记统计，给出回执。",
    ],
    variants: [
      {
        code: "hand-in",
        name: "提交奖助申请材料",
        nameEn: "Hand in scholarship or aid applications",
        materials: [
          {
            name: "奖助申请表（按当期通知）",
            nameEn: "Application form named in the current notice",
            count: 1,
            source: "学生工作部通知附件",
          },
          {
            name: "证明材料复印件（如获奖证书、家庭经济情况证明）",
            nameEn: "Copies of supporting documents",
            count: 1,
          },
        ],
        steps: [
          "按通知填写申请表，经学院审核签字。",
          "在截止日期前交至窗口，窗口核对签字与份数后登记签收。",
        ],
      },
      {
        code: "collect",
        name: "领取奖助证书及材料",
        nameEn: "Collect certificates and documents",
        materials: [studentId],
        steps: [
          "收到领取通知后，凭本人学生证至窗口。",
          "窗口核对名单后，学生签字领取；他人代领须出示委托书和双方证件。",
        ],
      },
      {
        code: "class-summary",
        name: "班级奖助材料汇总报送",
        nameEn: "Hand in a class's summary sheet",
        materials: [
          {
            name: "奖助情况统计表",
            nameEn: "Scholarship and aid summary sheet",
            count: 1,
            source: "学生工作部通知附件",
          },
        ],
        steps: [
          "班级负责人按模板汇总本班申请和发放情况，经辅导员确认。",
          "交至窗口，窗口核对人数与金额后登记入统计台账。",
        ],
      },
    ],
  },
  {
    code: "graduate-recommendation-stamp",
    name: "毕业生推荐表盖章",
    nameEn: "Graduate recommendation form stamping",
    description: "毕业生填好推荐表后，由学校在推荐表上加盖公章，实时办理。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [
      {
        name: "毕业生推荐表（已填写，含学院推荐意见）",
        nameEn: "Filled graduate recommendation form with the school's opinion",
        count: 1,
        source: "所在学院发放",
      },
      studentId,
    ],
    steps: [
      "如实填写毕业生推荐表，请所在学院签署推荐意见并盖章。",
      "携推荐表和学生证至学生工作部指定窗口。",
      "窗口核对填写完整、学院意见齐全后，实时加盖学校公章并当场交还。",
    ],
  },
  {
    code: "employment-agreement-endorsement",
    name: "就业协议签证",
    nameEn: "Employment agreement endorsement",
    description: "毕业生与用人单位签订的就业协议书，由学校审核并签章确认，登记就业信息。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [
      {
        name: "就业协议书（全部联次，毕业生和用人单位已签字盖章）",
        nameEn: "Employment agreement, every copy, signed by the graduate and the employer",
        count: 1,
      },
      studentId,
    ],
    steps: [
      "毕业生与用人单位在就业协议书上签字盖章，核对单位名称、统一社会信用代码和档案转寄地址。",
      "请所在学院就业工作负责人审核并签署意见。",
      "携协议书全部联次和学生证至学生工作部指定窗口。",
      "窗口审核无误后加盖学校就业主管部门印章并登记就业信息，当场交还学生联和单位联。",
    ],
  },
  {
    code: "employment-report-certificate",
    name: "就业报到证办理",
    nameEn: "Employment report certificate",
    description:
      "毕业生个人打印报到证，分首次打印、改派/违约、丢失补打、错误重打、" +
      "报到证已打印证明五种类型；表格均在本校就业信息服务网“公共下载”栏目下载，" +
      "填写后交至平台窗口，实时办理。",
    condition: "外省市生源且尚未办理本市户籍的毕业生，无法打印本市用人单位抬头名称的报到证时办理。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [],
    steps: [
      "确认符合办理条件，并确定属于五种类型中的哪一种。",
      "登录本校就业信息服务网，在“公共下载”栏目下载该类型的表格并如实填写。",
      "按类型备齐材料，交至学生事务平台学生工作部窗口。",
      "窗口审核材料后实时打印报到证或出具证明，当场交给学生。",
    ],
    variants: reportCertificateVariants,
  },
];
