import type { MaterialDefinition, ServiceDefinition } from "../../core";

// The brochure names the hall's activities and charity services as functions of the hall
// without details; these items are how a League committee usually runs them at a window.

const AT_THE_WINDOW = "平台窗口领取";

const studentId: MaterialDefinition = { name: "学生证", nameEn: "Student ID booklet", count: 1 };
const campusCard: MaterialDefinition = { name: "校园卡", nameEn: "Campus card", count: 1 };

/** The Youth League Committee's services at the hall. */
export const catalogue: ServiceDefinition[] = [
  {
    code: "activity-signup",
    name: "活动交流报名",
    nameEn: "Signing up for activities",
    description: "报名参加团委在平台组织的讲座、沙龙、交流会等活动，活动信息在平台公告栏发布。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [studentId],
    steps: [
      "查看平台发布的活动公告，确认时间、地点和名额。",
      "携学生证至团委指定窗口报名，窗口登记并当场确认名额。",
      "按时参加活动，活动结束后签到记录计入第二课堂。",
    ],
  },
  {
    code: "volunteer-signup",
    name: "志愿者报名",
    nameEn: "Volunteer sign-up",
    description: "报名成为校园志愿者，包括在本平台挂牌上岗的学生志愿者。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [
      {
        name: "志愿者报名表",
        nameEn: "Volunteer application form",
        count: 1,
        source: AT_THE_WINDOW,
      },
      { name: "一寸照", nameEn: "1-inch photo", count: 1 },
      studentId,
    ],
    steps: [
      "在平台窗口领取志愿者报名表，填写可服务时段和志愿方向。",
      "携报名表、一寸照和学生证至团委指定窗口，窗口当场登记。",
      "团委按岗位需要安排培训，培训合格后发放挂牌并安排上岗。",
    ],
  },
  {
    code: "volunteer-hours-certificate",
    name: "志愿服务时长证明",
    nameEn: "Volunteer hours certificate",
    description: "按志愿服务记录出具加盖团委公章的志愿服务时长证明，可用于评奖评优和求职。",
    feeFen: 0,
    mode: "PROMISED",
    promisedWorkingDays: 3,
    materials: [
      {
        name: "志愿服务时长证明申请表",
        nameEn: "Volunteer hours certificate application form",
        count: 1,
        source: AT_THE_WINDOW,
      },
      studentId,
    ],
    steps: [
      "在平台窗口领取申请表，写明证明用途和需要证明的时间段。",
      "交至团委指定窗口，窗口登记受理并告知领取日期。",
      "团委核对志愿服务记录，出具证明并盖章。",
      "在告知的日期凭学生证至原窗口领取。",
    ],
  },
  {
    code: "charity-item-lending",
    name: "爱心物品借用",
    nameEn: "Borrowing charity items",
    description: "平台爱心服务：免费借用雨伞、常用文具等物品，用后归还。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [campusCard],
    steps: [
      "至团委指定窗口说明所需物品。",
      "出示校园卡，窗口登记姓名、学号和借用物品后当场借出。",
      "在约定期限内归还至平台窗口，窗口销记。",
    ],
    variants: [
      {
        code: "umbrella",
        name: "爱心雨伞",
        nameEn: "Umbrella",
        materials: [campusCard],
        steps: ["雨天借用，三日内归还。"],
      },
      {
        code: "stationery",
        name: "常用文具",
        nameEn: "Stationery",
        materials: [campusCard],
        steps: ["笔、胶水、订书机等在平台内使用，离开前归还。"],
      },
    ],
  },
  {
    code: "league-relation-transfer",
    name: "团组织关系转接",
    nameEn: "Transfer of League membership",
    description: "团员入学、毕业或升学时转入、转出团组织关系。",
    feeFen: 0,
    mode: "PROMISED",
    promisedWorkingDays: 3,
    materials: [{ name: "团员证", nameEn: "League membership card", count: 1 }, studentId],
    steps: [
      "在“智慧团建”系统提交组织关系转接申请。",
      "携团员证和学生证至团委指定窗口，窗口核对团籍信息并登记。",
      "团委在系统中审核转接申请，并在团员证上登记。",
      "窗口在承诺日期内告知办结，交还团员证。",
    ],
  },
];
