// The bundle's entry (scripts/lib/site-script.ts builds it to /site.js).
import { enhance } from "./site-script";

enhance();
