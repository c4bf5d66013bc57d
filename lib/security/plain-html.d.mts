export declare const PLAIN_PAGE_ATTRIBUTE: "data-plain-page";
export declare const SITE_SCRIPT_PATH: "/site.js";
export declare function isPlainPage(html: string): boolean;
export declare function isKeptScript(attributes: string, body: string): boolean;
export declare function withoutFrameworkRuntime(html: string): string;
export declare const HTTP_STATUS_ATTRIBUTE: "data-http-status";
export declare function requestedStatus(html: string): number | undefined;
export declare const STATUS_NOTICE_TAG: "section";
