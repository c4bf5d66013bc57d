// The bundle's entry (scripts/lib/site-assets.ts builds it to /site.js).
import { enhance } from "./site-script";

enhance();
