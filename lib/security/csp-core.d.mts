export declare const CSP_HEADER: "content-security-policy";
export declare function adminPolicy(nonce: string, dev?: boolean): string;
export declare function dynamicPublicPolicy(nonce: string, dev?: boolean): string;
export declare function publicSitePolicy(): string;
