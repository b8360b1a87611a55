import type { MaterialDefinition, ServiceDefinition } from "../../core";

const identityCard: MaterialDefinition = { name: "本人身份证", nameEn: "Identity card", count: 1 };
const studentId: MaterialDefinition = { name: "学生证", nameEn: "Student ID booklet", count: 1 };

/** The Security Office's services at the hall: the brochure sends both to its window. */
export const catalogue: ServiceDefinition[] = [
  {
    code: "pre-enlistment-signup",
    name: "大学生预征兵报名",
    nameEn: "Pre-enlistment sign-up",
    description:
      "有意应征入伍的在校大学生，在全国征兵网报名后至平台指定窗口登记，等候体检和政治考核通知。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [
      {
        name: "大学生预征对象登记表",
        nameEn: "Pre-enlistment registration form",
        count: 1,
        source: "全国征兵网报名后下载打印",
      },
      identityCard,
      studentId,
    ],
    steps: [
      "登录全国征兵网填写报名信息，下载并打印《大学生预征对象登记表》。",
      "携登记表、身份证和学生证至保卫处指定窗口。",
      "窗口核对信息，当场登记并在登记表上签章。",
      "窗口告知体检、政治考核的时间地点以及学费补偿等政策的办理方式。",
    ],
  },
  {
    code: "military-service-registration",
    name: "兵役登记",
    nameEn: "Military service registration",
    description: "依法应进行兵役登记的适龄男性学生在指定窗口完成兵役登记；女生可自愿登记。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [identityCard, studentId],
    steps: [
      "登录全国征兵网填报兵役登记信息；不便自行填报的，可在窗口由志愿者协助填报。",
      "携身份证和学生证至保卫处指定窗口。",
      "窗口核对登记信息，当场确认登记完成，需要时出具兵役登记证明。",
    ],
  },
];
