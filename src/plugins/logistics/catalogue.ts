import type { MaterialDefinition, ServiceDefinition } from "../../core";

// The brochure's student community business. Room changes, registrations and move-outs
// wait on a check by the community office (free beds, the room's state), so they are
// promised; a booking or a short stay is settled at the window.

const AT_THE_WINDOW = "平台窗口领取";

const studentId: MaterialDefinition = { name: "学生证", nameEn: "Student ID booklet", count: 1 };

function windowForm(name: string, nameEn: string): MaterialDefinition {
  return { name, nameEn, count: 1, source: AT_THE_WINDOW };
}

/** The Logistics Office's services at the hall. */
export const catalogue: ServiceDefinition[] = [
  {
    code: "community-room-booking",
    name: "学生社区活动室预定",
    nameEn: "Booking a community activity room",
    description: "班级、社团或学生组织预定学生社区的活动室，用于会议、学习交流和文体活动。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [
      windowForm("学生社区活动室预定申请表", "Community activity room booking form"),
      studentId,
    ],
    steps: [
      "在窗口查询所需日期和时段的活动室空闲情况。",
      "填写预定申请表，写明活动内容、人数、负责人及联系方式；以学生组织名义预定的，须指导老师签字。",
      "窗口登记预定并当场确认活动室和时段。",
      "活动结束后恢复场地原状，至窗口登记归还。",
    ],
  },
  {
    code: "dormitory-registration",
    name: "备案寝室申请",
    nameEn: "Dormitory registration",
    description:
      "向学生社区申请寝室备案，登记寝室实际入住人员和住宿情况（如假期留校住宿），" +
      "纳入社区管理和安全检查。",
    feeFen: 0,
    mode: "PROMISED",
    promisedWorkingDays: 2,
    materials: [windowForm("备案寝室申请表", "Dormitory registration form"), studentId],
    steps: [
      "在平台窗口领取备案寝室申请表，填写寝室号、入住人员和住宿期限，请辅导员签字。",
      "交至后勤保障处指定窗口，窗口核对后登记受理。",
      "学生社区核实寝室情况并完成备案。",
      "窗口在承诺日期内告知备案结果。",
    ],
  },
  {
    code: "dormitory-room-change",
    name: "寝室更换申请",
    nameEn: "Dormitory room change",
    description: "因特殊原因需要调换寝室或床位的，经审核并有空余床位时安排调换。",
    feeFen: 0,
    mode: "PROMISED",
    promisedWorkingDays: 3,
    materials: [windowForm("寝室更换申请表", "Room change application form"), studentId],
    steps: [
      "在平台窗口领取寝室更换申请表，写明调换理由和意向寝室，请辅导员签字。",
      "交至后勤保障处指定窗口登记受理。",
      "学生社区核实空余床位并审核，确定调换寝室和搬迁日期。",
      "窗口在承诺日期内告知结果；获准的学生按期搬迁，向宿管员交还原寝室钥匙并领取新钥匙。",
    ],
  },
  {
    code: "dormitory-move-out",
    name: "退宿申请",
    nameEn: "Moving out of the dormitory",
    description: "因休学、退学、走读等原因不再在校住宿的，办理退宿手续。",
    feeFen: 0,
    mode: "PROMISED",
    promisedWorkingDays: 3,
    materials: [windowForm("退宿申请表", "Move-out application form"), studentId],
    steps: [
      "在平台窗口领取退宿申请表，写明退宿原因，请辅导员签字；未成年或走读退宿的附家长知情同意书。",
      "交至后勤保障处指定窗口登记受理，窗口告知寝室检查时间。",
      "清空个人物品，由宿管员检查寝室设施并收回钥匙。",
      "学生社区办结退宿手续，住宿费按学校规定结算。",
    ],
  },
  {
    code: "short-off-campus-stay",
    name: "短期外宿申请",
    nameEn: "Short off-campus stay",
    description: "因实习、就医、家庭事务等原因需在校外短期住宿的，事先申请并登记。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [windowForm("短期外宿申请表", "Short off-campus stay application form"), studentId],
    steps: [
      "在平台窗口领取短期外宿申请表，写明外宿事由、起止日期、住址和紧急联系人，请辅导员签字。",
      "交至后勤保障处指定窗口，窗口核对后当场登记。",
      "外宿结束返校后，至窗口或宿管处销假。",
    ],
  },
];
