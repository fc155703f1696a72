// Types for scripts/hostBundle.mjs (plain JavaScript so `node` runs it without tsx), for the
// end-to-end harness, the bench and the unit tests.
export declare const ROOT: string;
export declare const HOST_DIR: string;
export declare const HOST_ENTRY: string;
export declare const HOST_MANIFEST: string;
export interface HostManifest {
  /** When the build started (ms since the epoch): a source modified after it makes the bundle stale. */
  builtAt: number;
  /** Every file the bundle was built from, relative to the project folder. */
  inputs: string[];
  /** Every file the build wrote, relative to the project folder. */
  outputs: string[];
}
/** Builds dist/host/; resolves with how long it took (ms). */
export declare function buildHost(): Promise<number>;
/** Why the bundle cannot be run as it is, or null when it is current. */
export declare function hostBundleStale(manifestFile?: string, root?: string): string | null;
/** The host's entry, rebuilt first (with a line saying why) if it is missing or stale. */
export declare function ensureHostBundle(log?: (line: string) => void): Promise<string>;
