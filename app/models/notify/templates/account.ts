/**
 * Message templates for accounts, privacy and complaints (vi + en). The notification registry
 * imports `templates`; each returns an e-mail subject and body and a short SMS/Zalo text.
 * SMS texts are plain ASCII without Vietnamese marks: brand-name SMS gateways often require it, and
 * a Unicode SMS holds 70 characters instead of 160. Secrets (codes, links) sit in the payload only
 * as long as the message is pending (docs/decisions/070).
 */
import { foldVietnamese } from "~/utils/slug";

export type Lang = "vi" | "en";
export type RenderedMessage = { subject: string; text: string; sms: string };
export type Template = (payload: Record<string, unknown>, lang: Lang) => RenderedMessage;

const APP = { vi: "Chợ Số Thái Nguyên", en: "Chợ Số Thái Nguyên" } as const;

const str = (payload: Record<string, unknown>, key: string, fallback = "") => {
  const value = payload[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : fallback;
};
const sms = (text: string) => foldVietnamese(text);

const signature = (lang: Lang) => (lang === "vi" ? `\n\n— ${APP.vi}` : `\n\n— ${APP.en}`);

const STATUS: Record<Lang, Record<string, string>> = {
  vi: { open: "đã tiếp nhận", in_progress: "đang xử lý", resolved: "đã giải quyết", rejected: "không chấp nhận" },
  en: { open: "received", in_progress: "being handled", resolved: "resolved", rejected: "not upheld" },
};

export const templates: Record<string, Template> = {
  "account.reset_code": (p, lang) => {
    const code = str(p, "code");
    const minutes = str(p, "minutes", "10");
    return lang === "vi"
      ? {
          subject: "Mã đặt lại mật khẩu",
          text: `Mã đặt lại mật khẩu Chợ Số của bạn là ${code}. Mã dùng được một lần, trong ${minutes} phút. Đừng đưa mã này cho ai, kể cả người xưng là nhân viên Chợ Số. Nếu bạn không yêu cầu, hãy bỏ qua tin này.${signature(lang)}`,
          sms: sms(`Cho So: ma dat lai mat khau ${code}, dung 1 lan trong ${minutes} phut. Khong dua ma cho bat ky ai.`),
        }
      : {
          subject: "Your password reset code",
          text: `Your Chợ Số password reset code is ${code}. It works once, for ${minutes} minutes. Never give it to anyone, even someone who says they work for Chợ Số. If you did not ask for it, ignore this message.${signature(lang)}`,
          sms: `Cho So: password reset code ${code}, single use, valid ${minutes} min. Never share it.`,
        };
  },
  "account.reset_link": (p, lang) => {
    const url = str(p, "url");
    const minutes = str(p, "minutes", "30");
    return lang === "vi"
      ? {
          subject: "Đặt lại mật khẩu Chợ Số",
          text: `Có người (hy vọng là bạn) vừa yêu cầu đặt lại mật khẩu tài khoản Chợ Số gắn với địa chỉ email này.\n\nMở liên kết sau trong ${minutes} phút để đặt mật khẩu mới (liên kết chỉ dùng được một lần):\n${url}\n\nNếu bạn không yêu cầu, hãy bỏ qua email này: mật khẩu của bạn không thay đổi.${signature(lang)}`,
          sms: sms(`Cho So: mo lien ket trong email de dat lai mat khau (${minutes} phut).`),
        }
      : {
          subject: "Reset your Chợ Số password",
          text: `Someone (hopefully you) asked to reset the password of the Chợ Số account with this e-mail address.\n\nOpen this link within ${minutes} minutes to choose a new password (it works once):\n${url}\n\nIf you did not ask, ignore this e-mail: your password stays the same.${signature(lang)}`,
          sms: `Cho So: open the link in your e-mail to reset your password (${minutes} min).`,
        };
  },
  "account.contact_code": (p, lang) => {
    const code = str(p, "code");
    const minutes = str(p, "minutes", "10");
    return lang === "vi"
      ? {
          subject: "Mã xác nhận liên hệ mới",
          text: `Mã xác nhận để dùng số điện thoại/email này cho tài khoản Chợ Số là ${code} (một lần, trong ${minutes} phút). Nếu bạn không yêu cầu, hãy bỏ qua tin này.${signature(lang)}`,
          sms: sms(`Cho So: ma xac nhan lien he moi ${code}, dung 1 lan trong ${minutes} phut.`),
        }
      : {
          subject: "Confirm your new contact",
          text: `The code to use this phone number/e-mail for your Chợ Số account is ${code} (once, within ${minutes} minutes). If you did not ask for it, ignore this message.${signature(lang)}`,
          sms: `Cho So: confirmation code ${code}, single use, valid ${minutes} min.`,
        };
  },
  "account.password_changed": (_p, lang) =>
    lang === "vi"
      ? {
          subject: "Mật khẩu của bạn đã được đổi",
          text: `Mật khẩu tài khoản Chợ Số của bạn vừa được đổi và các thiết bị khác đã bị đăng xuất. Nếu không phải bạn, hãy đặt lại mật khẩu ngay tại trang "Quên mật khẩu" và báo cho chúng tôi.${signature(lang)}`,
          sms: sms("Cho So: mat khau cua ban vua duoc doi. Neu khong phai ban, hay dat lai mat khau ngay."),
        }
      : {
          subject: "Your password was changed",
          text: `The password of your Chợ Số account was just changed and your other devices were signed out. If this was not you, reset your password at once ("Forgot password") and tell us.${signature(lang)}`,
          sms: "Cho So: your password was just changed. If this was not you, reset it now.",
        },
  "account.contact_changed": (p, lang) => {
    const contact = str(p, "newContact");
    return lang === "vi"
      ? {
          subject: "Thông tin liên hệ đã thay đổi",
          text: `Tài khoản Chợ Số của bạn vừa chuyển sang liên hệ mới: ${contact}. Nếu không phải bạn, hãy trả lời tin này hoặc gửi khiếu nại ngay.${signature(lang)}`,
          sms: sms(`Cho So: tai khoan cua ban vua doi lien he sang ${contact}. Neu khong phai ban, hay bao ngay.`),
        }
      : {
          subject: "Your contact details changed",
          text: `Your Chợ Số account now uses a new contact: ${contact}. If this was not you, reply to this message or file a complaint at once.${signature(lang)}`,
          sms: `Cho So: your account contact changed to ${contact}. If not you, tell us now.`,
        };
  },
  "complaint.received": (p, lang) => {
    const code = str(p, "code");
    return lang === "vi"
      ? {
          subject: `Đã nhận khiếu nại ${code}`,
          text: `Chúng tôi đã nhận khiếu nại của bạn, mã ${code}. Cán bộ sẽ xem xét và trả lời bạn trong 7 ngày làm việc; khi cần, chúng tôi chuyển nội dung cho người bán liên quan.${signature(lang)}`,
          sms: sms(`Cho So: da nhan khieu nai ${code}. Chung toi tra loi trong 7 ngay lam viec.`),
        }
      : {
          subject: `Complaint ${code} received`,
          text: `We have received your complaint, reference ${code}. Our staff will look into it and answer within 7 working days; where needed we pass it to the seller concerned.${signature(lang)}`,
          sms: `Cho So: complaint ${code} received. We answer within 7 working days.`,
        };
  },
  "complaint.reply": (p, lang) => {
    const code = str(p, "code");
    const reply = str(p, "reply");
    const status = STATUS[lang][str(p, "status")] ?? "";
    return lang === "vi"
      ? {
          subject: `Trả lời khiếu nại ${code}`,
          text: `Khiếu nại ${code} (${status}):\n\n${reply}${signature(lang)}`,
          sms: sms(`Cho So, khieu nai ${code} (${status}): ${reply}`).slice(0, 300),
        }
      : {
          subject: `Answer to complaint ${code}`,
          text: `Complaint ${code} (${status}):\n\n${reply}${signature(lang)}`,
          sms: sms(`Cho So, complaint ${code} (${status}): ${reply}`).slice(0, 300),
        };
  },
};

/** Payload keys that are secrets: a delivery worker should blank them once the message is sent. */
export const SECRET_PAYLOAD_KEYS = ["code", "url"] as const;
