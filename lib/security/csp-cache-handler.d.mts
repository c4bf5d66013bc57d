export declare function readyCachedPage(value: unknown): boolean;
declare const CspCacheHandler: new (...args: unknown[]) => object;
export default CspCacheHandler;
