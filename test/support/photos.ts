import { randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";

/** Small image files built by hand, for the 1-inch photo checks. */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid PNG of the given size: a grey RGB picture, deflated with zlib. `padTo` adds a
 * private ancillary chunk of noise until the file has that many bytes, to make it heavy.
 */
export function png(width: number, height: number, options: { padTo?: number; badCrc?: boolean } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const ihdr = chunk("IHDR", header);
  if (options.badCrc) ihdr[ihdr.length - 1] ^= 0xff;
  const row = Buffer.alloc(1 + width * 3, 0x80);
  row[0] = 0;
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, chunk("IDAT", pixels)];
  const end = chunk("IEND", Buffer.alloc(0));
  const size = parts.reduce((sum, p) => sum + p.length, 0) + end.length;
  if (options.padTo && options.padTo > size + 12) parts.push(chunk("prVt", randomBytes(options.padTo - size - 12)));
  return Buffer.concat([...parts, end]);
}

/**
 * A JPEG's head as the photo check reads it: SOI, an optional Exif APP1 with an orientation,
 * a JFIF-like APP0 and a baseline SOF0 frame, then EOI. No image data: the check stops at
 * the frame header.
 */
export function jpeg(width: number, height: number, options: { orientation?: number; littleEndian?: boolean } = {}) {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  const app0 = Buffer.from("JFIF\0\x01\x02\0\0\x01\0\x01\0\0", "latin1");
  parts.push(segment(0xe0, app0));
  if (options.orientation) parts.push(segment(0xe1, exif(options.orientation, options.littleEndian ?? false)));
  const frame = Buffer.alloc(15);
  frame[0] = 8;
  frame.writeUInt16BE(height, 1);
  frame.writeUInt16BE(width, 3);
  frame[5] = 3;
  frame.set([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1], 6);
  parts.push(segment(0xc0, frame), Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

function exif(orientation: number, littleEndian: boolean): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  const u16 = (value: number, at: number) => (littleEndian ? tiff.writeUInt16LE(value, at) : tiff.writeUInt16BE(value, at));
  const u32 = (value: number, at: number) => (littleEndian ? tiff.writeUInt32LE(value, at) : tiff.writeUInt32BE(value, at));
  tiff.write(littleEndian ? "II" : "MM", 0, "latin1");
  u16(42, 2);
  u32(8, 4);
  u16(1, 8); // one entry
  u16(0x0112, 10); // Orientation
  u16(3, 12); // SHORT
  u32(1, 14);
  u16(orientation, 18);
  return Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
}
