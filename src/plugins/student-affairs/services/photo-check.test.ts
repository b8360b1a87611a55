import { crc32 as nodeCrc32 } from "node:zlib";
import { jpeg, png } from "../../../../test/support/photos";
import { checkPhoto, crc32, jpegSize, MAX_PHOTO_BYTES, pngSize } from "./photo-check";

const b64 = (bytes: Buffer) => bytes.toString("base64");

function refusal(run: () => unknown): { field?: string; message: string } {
  try {
    run();
  } catch (error) {
    const e = error as { details?: { field?: string }; message: string; code?: string };
    expect(e.code).toBe("BAD_USER_INPUT");
    return { field: e.details?.field, message: e.message };
  }
  throw new Error("expected a refusal");
}

describe("the 1-inch photo check", () => {
  it("reads a PNG's size from its IHDR and accepts 5:7", () => {
    const photo = checkPhoto(b64(png(295, 413)));
    expect(photo).toMatchObject({ mimeType: "image/png", width: 295, height: 413 });
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a data: URL and line-wrapped base64", () => {
    const text = b64(png(250, 350)).replace(/(.{76})/g, "$1\n");
    expect(checkPhoto(`data:image/png;base64,${text}`).width).toBe(250);
  });

  it("reads a JPEG's size from its SOF, turned by the Exif orientation", () => {
    expect(jpegSize(jpeg(300, 420))).toEqual({ width: 300, height: 420 });
    expect(jpegSize(jpeg(420, 300, { orientation: 6 }))).toEqual({ width: 300, height: 420 });
    expect(jpegSize(jpeg(420, 300, { orientation: 8, littleEndian: true }))).toEqual({ width: 300, height: 420 });
    expect(jpegSize(jpeg(300, 420, { orientation: 3 }))).toEqual({ width: 300, height: 420 });
    expect(checkPhoto(b64(jpeg(420, 300, { orientation: 6 }))).mimeType).toBe("image/jpeg");
  });

  it("takes 5% either side of 5:7 and no more", () => {
    expect(checkPhoto(b64(png(375, 500))).width).toBe(375); // 0.75, +5.0%
    expect(checkPhoto(b64(png(340, 500))).width).toBe(340); // 0.68, -4.8%
    expect(refusal(() => checkPhoto(b64(png(380, 500))))).toMatchObject({ field: "photoBase64" }); // +6.4%
    expect(refusal(() => checkPhoto(b64(png(330, 500)))).message).toContain("330×500"); // -7.6%
    expect(refusal(() => checkPhoto(b64(png(413, 295)))).message).toContain("5:7"); // landscape
  });

  it("refuses a picture too small to print", () => {
    expect(refusal(() => checkPhoto(b64(png(50, 70)))).message).toContain("150");
  });

  it("refuses what is not a JPEG or PNG, whatever it claims", () => {
    const gif = Buffer.from("GIF89a\x01\0\x01\0\0\0\0;", "latin1");
    expect(refusal(() => checkPhoto(`data:image/png;base64,${b64(gif)}`)).message).toContain("JPEG or PNG");
    expect(refusal(() => checkPhoto("not base64 at all!")).message).toContain("base64");
    expect(refusal(() => checkPhoto("")).field).toBe("photoBase64");
  });

  it("refuses a damaged header: a wrong CRC, a cut-off file, a frame of height 0", () => {
    expect(pngSize(png(295, 413, { badCrc: true }))).toBeNull();
    expect(pngSize(png(295, 413).subarray(0, 30))).toBeNull();
    const flat = jpeg(300, 420);
    flat.writeUInt16BE(0, flat.indexOf(Buffer.from([0xff, 0xc0])) + 5);
    expect(jpegSize(flat)).toBeNull();
    expect(jpegSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x40]))).toBeNull();
    expect(refusal(() => checkPhoto(b64(png(295, 413, { badCrc: true })))).message).toContain("damaged");
  });

  it("takes exactly 2 MB and refuses one byte more", () => {
    const limit = png(295, 413, { padTo: MAX_PHOTO_BYTES });
    expect(limit.length).toBe(MAX_PHOTO_BYTES);
    expect(checkPhoto(b64(limit)).width).toBe(295);
    const over = png(295, 413, { padTo: MAX_PHOTO_BYTES + 1 });
    expect(refusal(() => checkPhoto(b64(over))).message).toContain("2 MB");
  });

  it("computes the CRC-32 PNG uses", () => {
    const data = Buffer.from("IHDR and then some bytes", "latin1");
    expect(crc32(data)).toBe(nodeCrc32(data));
  });
});
