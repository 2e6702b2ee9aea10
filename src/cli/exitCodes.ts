/** Exit codes of `token-lens`: 0 ok, 1 `--fail-on` threshold met, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
