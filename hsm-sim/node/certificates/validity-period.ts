export interface ValidityPeriod {
  notBefore: Date;
  notAfter: Date;
}

export function validForYears(years: number): ValidityPeriod {
  const notBefore = new Date();
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  return { notBefore, notAfter };
}

export function validForDays(days: number): ValidityPeriod {
  const notBefore = new Date();
  return { notBefore, notAfter: new Date(notBefore.getTime() + days * 24 * 60 * 60 * 1000) };
}
