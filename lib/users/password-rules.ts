/**
 * The password policy (等保 2.0; issue 7): at least 12 characters, at least three of
 * upper case, lower case, digits and symbols, and not containing the account name.
 * Pure, so the forms can say what is missing before the server refuses.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordAccount {
  email: string;
  name?: string;
}

export function passwordProblems(password: string, account: PasswordAccount): string[] {
  const nameProblem = accountNameProblem(password, account);
  return [...passwordStrengthProblems(password), ...(nameProblem ? [nameProblem] : [])];
}

/** Length and character classes: what can be checked without knowing the account. */
export function passwordStrengthProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push("密码需包含大写字母、小写字母、数字、符号中的至少三类");
  return problems;
}

export function accountNameProblem(password: string, account: PasswordAccount): string | null {
  return containsAccountName(password, account) ? "密码不能包含账号名或姓名" : null;
}

function containsAccountName(password: string, { email, name }: PasswordAccount): boolean {
  const haystack = password.toLowerCase();
  const local = email.split("@")[0].toLowerCase();
  // Very short names ("li") would refuse too many good passwords; a Chinese name of two characters is distinctive.
  const names = [email.toLowerCase(), local.length >= 3 ? local : "", (name ?? "").trim().toLowerCase()];
  return names.some((n) => n.length >= 2 && haystack.includes(n));
}
