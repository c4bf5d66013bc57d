import { describe, expect, it } from "vitest";
import { embeddedMemoryFromEnv, embeddedMemorySettings } from "./memory";

describe("embedded PostgreSQL memory settings", () => {
  it("give a quarter to shared buffers and plan for three quarters cached (5 GB of an 8 GB machine)", () => {
    expect(embeddedMemorySettings(5120)).toEqual({ shared_buffers: "1280MB", effective_cache_size: "3840MB", work_mem: "20MB", maintenance_work_mem: "320MB" });
  });

  it("keep sorts and maintenance within bounds on small and large machines", () => {
    expect(embeddedMemorySettings(512)).toMatchObject({ shared_buffers: "128MB", work_mem: "4MB", maintenance_work_mem: "64MB" });
    expect(embeddedMemorySettings(65536)).toMatchObject({ shared_buffers: "16384MB", work_mem: "64MB", maintenance_work_mem: "1024MB" });
  });

  it("read the variable: unset leaves PostgreSQL's defaults, a bad value is named", () => {
    expect(embeddedMemoryFromEnv(undefined)).toBeUndefined();
    expect(embeddedMemoryFromEnv("")).toBeUndefined();
    expect(embeddedMemoryFromEnv("2048")).toEqual(embeddedMemorySettings(2048));
    expect(() => embeddedMemoryFromEnv("5G")).toThrow(/EMBEDDED_PG_MEMORY_MB.*"5G"/);
    expect(() => embeddedMemoryFromEnv("100")).toThrow(/at least 256/);
  });
});
