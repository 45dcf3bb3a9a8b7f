/**
 * Vietnamese banks that take VietQR (NAPAS 247) with their BINs — kept as data in the project,
 * never fetched. Short names as banking apps show them.
 */
export type Bank = { bin: string; code: string; shortName: string; name: string };

export const BANKS: readonly Bank[] = [
  { bin: "970436", code: "VCB", shortName: "Vietcombank", name: "Ngân hàng TMCP Ngoại thương Việt Nam" },
  { bin: "970415", code: "ICB", shortName: "VietinBank", name: "Ngân hàng TMCP Công thương Việt Nam" },
  { bin: "970418", code: "BIDV", shortName: "BIDV", name: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam" },
  { bin: "970405", code: "VBA", shortName: "Agribank", name: "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam" },
  { bin: "970407", code: "TCB", shortName: "Techcombank", name: "Ngân hàng TMCP Kỹ thương Việt Nam" },
  { bin: "970422", code: "MB", shortName: "MBBank", name: "Ngân hàng TMCP Quân đội" },
  { bin: "970416", code: "ACB", shortName: "ACB", name: "Ngân hàng TMCP Á Châu" },
  { bin: "970432", code: "VPB", shortName: "VPBank", name: "Ngân hàng TMCP Việt Nam Thịnh Vượng" },
  { bin: "970423", code: "TPB", shortName: "TPBank", name: "Ngân hàng TMCP Tiên Phong" },
  { bin: "970403", code: "STB", shortName: "Sacombank", name: "Ngân hàng TMCP Sài Gòn Thương Tín" },
  { bin: "970437", code: "HDB", shortName: "HDBank", name: "Ngân hàng TMCP Phát triển TP. Hồ Chí Minh" },
  { bin: "970441", code: "VIB", shortName: "VIB", name: "Ngân hàng TMCP Quốc tế Việt Nam" },
  { bin: "970443", code: "SHB", shortName: "SHB", name: "Ngân hàng TMCP Sài Gòn – Hà Nội" },
  { bin: "970431", code: "EIB", shortName: "Eximbank", name: "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam" },
  { bin: "970426", code: "MSB", shortName: "MSB", name: "Ngân hàng TMCP Hàng Hải Việt Nam" },
  { bin: "970448", code: "OCB", shortName: "OCB", name: "Ngân hàng TMCP Phương Đông" },
  { bin: "970440", code: "SEAB", shortName: "SeABank", name: "Ngân hàng TMCP Đông Nam Á" },
  { bin: "970449", code: "LPB", shortName: "LPBank", name: "Ngân hàng TMCP Lộc Phát Việt Nam" },
  { bin: "970428", code: "NAB", shortName: "Nam A Bank", name: "Ngân hàng TMCP Nam Á" },
  { bin: "970409", code: "BAB", shortName: "Bac A Bank", name: "Ngân hàng TMCP Bắc Á" },
  { bin: "970412", code: "PVCB", shortName: "PVcomBank", name: "Ngân hàng TMCP Đại chúng Việt Nam" },
  { bin: "970452", code: "KLB", shortName: "KienlongBank", name: "Ngân hàng TMCP Kiên Long" },
  { bin: "970427", code: "VAB", shortName: "VietABank", name: "Ngân hàng TMCP Việt Á" },
  { bin: "970400", code: "SGICB", shortName: "SaigonBank", name: "Ngân hàng TMCP Sài Gòn Công Thương" },
  { bin: "970438", code: "BVB", shortName: "BaoViet Bank", name: "Ngân hàng TMCP Bảo Việt" },
  { bin: "970419", code: "NCB", shortName: "NCB", name: "Ngân hàng TMCP Quốc Dân" },
  { bin: "970425", code: "ABB", shortName: "ABBANK", name: "Ngân hàng TMCP An Bình" },
  { bin: "970454", code: "VCCB", shortName: "Viet Capital Bank", name: "Ngân hàng TMCP Bản Việt" },
  { bin: "970430", code: "PGB", shortName: "PGBank", name: "Ngân hàng TMCP Thịnh vượng và Phát triển" },
  { bin: "970433", code: "VIETBANK", shortName: "VietBank", name: "Ngân hàng TMCP Việt Nam Thương Tín" },
  { bin: "970408", code: "GPB", shortName: "GPBank", name: "Ngân hàng TM TNHH MTV Dầu Khí Toàn Cầu" },
  { bin: "970406", code: "DOB", shortName: "DongA Bank", name: "Ngân hàng TMCP Đông Á" },
  { bin: "970446", code: "COOPBANK", shortName: "Co-opBank", name: "Ngân hàng Hợp tác xã Việt Nam" },
  { bin: "970424", code: "SHBVN", shortName: "Shinhan Bank", name: "Ngân hàng TNHH MTV Shinhan Việt Nam" },
  { bin: "970457", code: "WVN", shortName: "Woori Bank", name: "Ngân hàng TNHH MTV Woori Việt Nam" },
  { bin: "970458", code: "UOB", shortName: "UOB", name: "Ngân hàng TNHH MTV United Overseas Bank Việt Nam" },
  { bin: "970439", code: "PBVN", shortName: "Public Bank", name: "Ngân hàng TNHH MTV Public Việt Nam" },
  { bin: "970434", code: "IVB", shortName: "Indovina Bank", name: "Ngân hàng TNHH Indovina" },
  { bin: "970421", code: "VRB", shortName: "VRB", name: "Ngân hàng Liên doanh Việt – Nga" },
  { bin: "970410", code: "SCVN", shortName: "Standard Chartered", name: "Ngân hàng TNHH MTV Standard Chartered Việt Nam" },
  { bin: "458761", code: "HSBC", shortName: "HSBC", name: "Ngân hàng TNHH MTV HSBC Việt Nam" },
  { bin: "422589", code: "CIMB", shortName: "CIMB", name: "Ngân hàng TNHH MTV CIMB Việt Nam" },
  { bin: "546034", code: "CAKE", shortName: "CAKE by VPBank", name: "Ngân hàng số CAKE by VPBank" },
  { bin: "546035", code: "UBANK", shortName: "Ubank by VPBank", name: "Ngân hàng số Ubank by VPBank" },
];

export function findBank(bin: string): Bank | undefined {
  return BANKS.find((b) => b.bin === bin);
}
