import type { MaterialDefinition, ServiceDefinition } from "../../core";

const studentId: MaterialDefinition = { name: "学生证", nameEn: "Student ID booklet", count: 1 };

/** The IT Office's services at the hall: Yiban (易班) and Yiban+ business. */
export const catalogue: ServiceDefinition[] = [
  {
    code: "yiban-printing",
    name: "易班打印",
    nameEn: "Yiban printing",
    // Paid in Yiban points, not money, so the fee in fen is nothing.
    description:
      "用易班网薪兑换打印：80网薪可换取20页；每天可以获取一个打印验证码；" +
      "打印时间为工作日9:00-19:30。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [
      { name: "当日易班打印验证码", nameEn: "Today's Yiban print code", count: 1, source: "易班" },
      {
        name: "待打印文件（U盘或手机存储）",
        nameEn: "The file to print, on a USB stick or phone",
        count: 1,
      },
    ],
    steps: [
      "登录易班，用80网薪兑换20页打印额度。",
      "在易班领取当日的打印验证码（每天一个）。",
      "工作日9:00-19:30携待打印文件至平台信息化办公室窗口。",
      "在打印终端输入验证码，选择文件打印，当场取走。",
    ],
  },
  {
    code: "yiban-account-support",
    name: "易班账号业务",
    nameEn: "Yiban account services",
    description: "易班+业务：易班账号实名认证、密码找回和易班应用使用咨询。",
    feeFen: 0,
    mode: "ON_THE_SPOT",
    materials: [studentId],
    steps: [
      "携学生证至信息化办公室窗口，说明要办的易班业务。",
      "窗口核对身份后当场协助完成实名认证或重置密码。",
      "无法当场解决的，由首问志愿者登记并转交信息化办公室，告知答复时间。",
    ],
  },
];
