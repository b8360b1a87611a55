import { createHash } from "node:crypto";
import { BadInputError } from "../../../core";

export type PhotoType = "image/jpeg" | "image/png";

export interface CheckedPhoto {
  bytes: Buffer;
  mimeType: PhotoType;
  width: number;
  height: number;
  sha256: string;
}

// The HTTP body limit (4 MB, server/http-handler.ts) leaves room for a 2 MB photo in base64.
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** A 1-inch photo (一寸照) is 25 × 35 mm. */
export const ONE_INCH_RATIO = 25 / 35;
export const RATIO_TOLERANCE = 0.05;
/** About 150 dpi across 25 mm: below this the booklet's photo prints as a blur. */
export const MIN_PHOTO_WIDTH = 150;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DATA_URL = /^data:image\/[a-z+.-]+;base64,/i;

/**
 * Decodes a photo sent as base64 and checks what the window would check by eye: a JPEG or
 * PNG file, at most 2 MB, shaped like a 1-inch photo. The size is read from the file's own
 * header (PNG IHDR, JPEG SOF), never trusted from the client.
 */
export function checkPhoto(base64: string, field = "photoBase64"): CheckedPhoto {
  const text = base64.replace(DATA_URL, "").replace(/\s+/g, "");
  // Refuse an oversized upload before decoding it: 4 characters carry 3 bytes.
  if (Math.floor((text.length * 3) / 4) - padding(text) > MAX_PHOTO_BYTES) {
    throw new BadInputError(field, `The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
  }
  if (text.length === 0 || text.length % 4 !== 0 || !BASE64.test(text)) {
    throw new BadInputError(field, "The photo must be sent as base64 text.");
  }
  const bytes = Buffer.from(text, "base64");

  const mimeType = photoType(bytes);
  if (!mimeType) throw new BadInputError(field, "The photo must be a JPEG or PNG file.");
  const size = mimeType === "image/png" ? pngSize(bytes) : jpegSize(bytes);
  if (!size) throw new BadInputError(field, "The photo's header cannot be read; the file looks damaged.");

  const { width, height } = size;
  const off = Math.abs(width / height / ONE_INCH_RATIO - 1);
  // The epsilon keeps exactly 5% inside: 375/500 against 5/7 is 1.05 plus a rounding error.
  if (off > RATIO_TOLERANCE + 1e-9) {
    throw new BadInputError(
      field,
      `The photo is ${width}×${height} pixels; a 1-inch photo is 25×35 mm, width to height 5:7 ` +
        `(within ${RATIO_TOLERANCE * 100}%).`,
    );
  }
  if (width < MIN_PHOTO_WIDTH) {
    throw new BadInputError(field, `The photo is ${width} pixels wide; at least ${MIN_PHOTO_WIDTH} are needed to print it.`);
  }
  return { bytes, mimeType, width, height, sha256: createHash("sha256").update(bytes).digest("hex") };
}

function padding(text: string): number {
  return text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
}

/** By the magic bytes at the start, whatever the client claims. */
export function photoType(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return "image/png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

/**
 * Width and height from a PNG's IHDR, which the format requires to be the first chunk: length
 * 13, type "IHDR", width and height as 4-byte big-endian numbers, then five one-byte fields and
 * a CRC over type and data. A bad CRC means a damaged file.
 */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 33) return null;
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString("latin1", 12, 16) !== "IHDR") return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return null;
  if (crc32(bytes.subarray(12, 29)) !== bytes.readUInt32BE(29)) return null;
  return { width, height };
}

/**
 * Width and height from a JPEG's start-of-frame segment, walking the segments from the start
 * and stopping at the image data. An Exif orientation of 5 to 8 means the picture is shown
 * turned by a quarter, so width and height swap, as a viewer would show them.
 */
export function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let orientation = 1;
  let at = 2;
  // Each step moves `at` forward by at least one byte, so the walk ends.
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // a fill byte before the marker
      continue;
    }
    at += 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // no length follows
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or image data before any frame
    if (at + 2 > bytes.length) return null;
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) return null;
    if (marker === 0xe1) orientation = exifOrientation(bytes.subarray(at + 2, at + length)) ?? orientation;
    if (isStartOfFrame(marker)) {
      if (length < 8) return null;
      const height = bytes.readUInt16BE(at + 3);
      const width = bytes.readUInt16BE(at + 5);
      // A height of 0 means "given later" (DNL), which no camera or photo shop writes.
      if (width === 0 || height === 0) return null;
      return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
    }
    at += length;
  }
  return null;
}

/** SOF0–SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** The orientation tag (0x0112) of IFD0 in an APP1 Exif payload, or null. */
function exifOrientation(app1: Buffer): number | null {
  if (app1.length < 14 || app1.toString("latin1", 0, 6) !== "Exif\0\0") return null;
  const tiff = app1.subarray(6);
  const order = tiff.toString("latin1", 0, 2);
  if (order !== "II" && order !== "MM") return null;
  const u16 = (at: number) => (order === "II" ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (order === "II" ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) return u16(entry + 8);
  }
  return null;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 as PNG uses it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
