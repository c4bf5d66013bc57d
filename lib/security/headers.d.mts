export declare const PERMISSIONS_POLICY: string;
export declare function securityHeaders(options: { admin: boolean; https: boolean }): Record<string, string>;
export declare function staticApiHeaders(): { key: string; value: string }[];
export declare const ACTION_BODY_LIMIT_BYTES: number;
export declare function createNonce(): string;
export declare function publicPageHeaders(): { key: string; value: string }[];
export declare function servedOverHttps(forwardedProto: string | null | undefined): boolean;
