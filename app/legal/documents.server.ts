/**
 * The privacy notice and the terms (operating rules of the marketplace), in Vietnamese and English.
 * Legal texts are content, not interface strings: they live here, on the server, so they never
 * weigh on every page's JavaScript the way the i18next dictionaries do (docs/decisions/072).
 *
 * Versioning: a change adds a NEW entry at the end of a document's list (never edits an old one),
 * so /privacy?v=1.0 keeps showing exactly what someone agreed to; consents store the version.
 * Placeholders {{operatorName}} … are filled from OPERATOR_* (app/utils/operator.server.ts).
 */
export type Block = string | { list: string[] };
export type Section = { id: string; title: string; body: Block[] };
export type LegalText = { title: string; summary: string; sections: Section[] };
export type LegalVersion = { version: string; effective: string; vi: LegalText; en: LegalText };
export type LegalDocumentKind = "privacy" | "terms";

const privacyV1: LegalVersion = {
  version: "1.0",
  effective: "2026-12-02",
  vi: {
    title: "Thông báo xử lý dữ liệu cá nhân",
    summary:
      "Chúng tôi chỉ thu thập những gì cần để bạn mua, bán và truy xuất nông sản; không bán dữ liệu, không quảng cáo theo dõi. Bạn tải được toàn bộ dữ liệu của mình và xóa tài khoản bất cứ lúc nào tại trang Tài khoản.",
    sections: [
      {
        id: "controller",
        title: "1. Ai xử lý dữ liệu của bạn",
        body: [
          "{{operatorName}} (mã số thuế {{operatorTaxCode}}, địa chỉ {{operatorAddress}}) vận hành sàn Chợ Số Thái Nguyên và là bên kiểm soát và xử lý dữ liệu cá nhân của bạn theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (hiệu lực từ 01/01/2026).",
          "Liên hệ về dữ liệu cá nhân: {{operatorEmail}}, điện thoại {{operatorPhone}}, hoặc mục Khiếu nại trên trang web.",
        ],
      },
      {
        id: "data",
        title: "2. Dữ liệu chúng tôi thu thập",
        body: [
          {
            list: [
              "Tài khoản: họ tên, số điện thoại hoặc email, mật khẩu (chỉ lưu dạng băm, không ai đọc được), ngôn ngữ bạn chọn.",
              "Đơn hàng: tên người nhận, số điện thoại, địa chỉ giao hàng, ghi chú, hàng đã mua, số tiền, cách thanh toán và trạng thái giao hàng.",
              "Thanh toán: với thẻ, Stripe xử lý số thẻ — chúng tôi không nhìn thấy và không lưu số thẻ; với chuyển khoản, chúng tôi nhận nội dung, số tiền và mã giao dịch từ dịch vụ đối soát ngân hàng.",
              "Người bán (hợp tác xã, doanh nghiệp, hộ sản xuất): tên, tên pháp lý, địa chỉ, số điện thoại, mã số thuế, ảnh, giấy chứng nhận, nhật ký canh tác và lô hàng. Phần thông tin người bán và nhật ký truy xuất được công khai, vì người mua cần biết và pháp luật yêu cầu.",
              "Tiểu thương ở chợ: số sạp, ngân hàng, số tài khoản và tên chủ tài khoản, lịch sử thu tiền. Số tài khoản ngân hàng có thể là dữ liệu cá nhân nhạy cảm: chỉ dùng để nhận tiền và đối soát, và chỉ người có nhiệm vụ mới xem được.",
              "Khiếu nại: nội dung, cách liên hệ, và các câu trả lời.",
              "Kỹ thuật: cookie phiên đăng nhập, cookie giỏ hàng và cookie ngôn ngữ (đều cần để trang hoạt động); nhật ký máy chủ (địa chỉ IP, thời gian, đường dẫn) để giữ an toàn.",
            ],
          },
          "Chúng tôi không dùng cookie quảng cáo hay công cụ theo dõi của bên thứ ba, và không cố ý thu thập dữ liệu về sức khỏe, tôn giáo, chính trị hay dữ liệu sinh trắc học.",
        ],
      },
      {
        id: "purposes",
        title: "3. Dùng để làm gì, và dựa trên căn cứ nào",
        body: [
          {
            list: [
              "Tạo và giữ tài khoản của bạn, đăng nhập an toàn — theo sự đồng ý của bạn khi đăng ký.",
              "Thực hiện đơn hàng: chuyển tên, số điện thoại và địa chỉ giao hàng cho người bán của đơn đó — để thực hiện hợp đồng mua bán bạn đã giao kết.",
              "Thu tiền, hoàn tiền, đối soát, kế toán và thuế — theo nghĩa vụ của pháp luật về kế toán, thuế và thương mại điện tử.",
              "Gửi tin nhắn cần thiết (xác nhận đơn, giao hàng, mã đặt lại mật khẩu, trả lời khiếu nại) qua SMS, Zalo hoặc email theo lựa chọn của bạn.",
              "Công khai thông tin người bán và nhật ký truy xuất nguồn gốc để người mua kiểm tra.",
              "Tiếp nhận và giải quyết khiếu nại, bảo vệ quyền lợi người tiêu dùng.",
              "Giữ an toàn: giới hạn số lần thử đăng nhập, phát hiện gian lận thanh toán.",
            ],
          },
          "Chúng tôi không bán dữ liệu cá nhân và không dùng nó để quảng cáo. Số liệu thống kê chung gửi Sở Công Thương hoặc công bố dưới dạng dữ liệu mở chỉ gồm số tổng hợp, không chứa dữ liệu cá nhân. Nếu sau này muốn gửi tin khuyến mại, chúng tôi sẽ hỏi riêng và bạn có quyền từ chối.",
        ],
      },
      {
        id: "recipients",
        title: "4. Ai nhận dữ liệu",
        body: [
          {
            list: [
              "Người bán trong đơn hàng của bạn: tên, số điện thoại, địa chỉ giao hàng, ghi chú.",
              "Stripe, Inc. (Hoa Kỳ) khi bạn trả bằng thẻ: dữ liệu thanh toán được chuyển ra nước ngoài; chúng tôi lập hồ sơ đánh giá tác động chuyển dữ liệu ra nước ngoài theo quy định.",
              "Dịch vụ đối soát chuyển khoản (như SePay, Casso) và ngân hàng: nội dung và số tiền chuyển khoản.",
              "Nhà cung cấp SMS, Zalo (tin ZNS) và email: số điện thoại hoặc email và nội dung tin nhắn.",
              "Đơn vị vận chuyển do người bán chọn: tên, số điện thoại, địa chỉ giao hàng.",
              "Cơ quan nhà nước có thẩm quyền, khi pháp luật yêu cầu.",
            ],
          },
          "Các bên xử lý dữ liệu thay chúng tôi chỉ được dùng dữ liệu cho việc được giao, theo hợp đồng.",
        ],
      },
      {
        id: "retention",
        title: "5. Giữ trong bao lâu",
        body: [
          {
            list: [
              "Tài khoản: đến khi bạn xóa tài khoản.",
              "Đơn hàng và chứng từ thanh toán: 10 năm, như Luật Kế toán yêu cầu. Khi bạn xóa tài khoản, tên, số điện thoại, địa chỉ và ghi chú trên đơn bị xóa; chỉ còn mã đơn, hàng hóa, số tiền và ngày.",
              "Hồ sơ người bán và sạp chợ: cũng 10 năm sau giao dịch cuối, vì là chứng từ của các đơn đã bán; sau khi đóng tài khoản chúng không còn hiển thị công khai.",
              "Mã xác nhận và liên kết đặt lại mật khẩu: hết hiệu lực sau 10 đến 30 phút, và chỉ lưu dạng băm.",
              "Khiếu nại: đến khi giải quyết xong và 3 năm sau đó.",
              "Nhật ký máy chủ: tối đa 30 ngày.",
            ],
          },
        ],
      },
      {
        id: "rights",
        title: "6. Quyền của bạn",
        body: [
          "Theo Luật Bảo vệ dữ liệu cá nhân, bạn có quyền: được biết về việc xử lý dữ liệu; đồng ý hoặc không đồng ý, và rút lại sự đồng ý; xem, chỉnh sửa hoặc yêu cầu chỉnh sửa dữ liệu; yêu cầu cung cấp, xóa, hạn chế xử lý dữ liệu, và phản đối việc xử lý; khiếu nại, tố cáo, khởi kiện và yêu cầu bồi thường thiệt hại theo pháp luật.",
          {
            list: [
              "Xem và sửa: trang Tài khoản (họ tên, điện thoại, email, mật khẩu, kênh nhận tin).",
              "Tải về toàn bộ dữ liệu: trang Tài khoản → Tải dữ liệu của tôi (tệp ZIP gồm JSON và CSV).",
              "Xóa tài khoản (cũng là rút lại sự đồng ý): trang Tài khoản → Xóa tài khoản. Việc rút lại không ảnh hưởng tới việc xử lý đã làm hợp pháp trước đó.",
              "Các yêu cầu khác, hoặc nếu bạn đặt hàng không có tài khoản: gửi email tới {{operatorEmail}} hoặc dùng mục Khiếu nại. Chúng tôi trả lời trong thời hạn pháp luật quy định, và thường sớm hơn nhiều.",
            ],
          },
          "Nếu bạn cho rằng quyền của mình bị xâm phạm, bạn có thể khiếu nại với chúng tôi và với cơ quan chuyên trách bảo vệ dữ liệu cá nhân thuộc Bộ Công an.",
        ],
      },
      {
        id: "deletion",
        title: "7. Khi bạn xóa tài khoản",
        body: [
          "Xóa tài khoản là rút lại sự đồng ý và không thể hoàn tác. Bạn có thể tải dữ liệu của mình về trước.",
          {
            list: [
              "Bị xóa: họ tên, số điện thoại, email và mật khẩu của tài khoản (bạn không đăng nhập được nữa); giỏ hàng, phiên đăng nhập, mã xác nhận; trên đơn hàng của bạn: tên người nhận, số điện thoại, địa chỉ, ghi chú, mã vận đơn; liên hệ trong tin nhắn và trong khiếu nại bạn đã gửi.",
              "Được giữ (pháp luật yêu cầu): đơn hàng và thanh toán — mã đơn, hàng hóa, số tiền, ngày — trong 10 năm theo Luật Kế toán, không còn gắn với thông tin cá nhân của bạn; nội dung khiếu nại đã gửi, để hoàn tất việc xử lý; bản ghi bạn đã đồng ý với phiên bản nào của thông báo, và nhật ký việc xóa.",
              "Người bán: trang người bán và sản phẩm được gỡ khỏi sàn ngay; hồ sơ người bán (tên, tên pháp lý, địa chỉ, điện thoại, mã số thuế), nhật ký truy xuất và các lô hàng được giữ làm chứng từ của các đơn đã bán; mã QR trên hàng đã bán vẫn mở được.",
              "Tiểu thương: sạp được đóng, mã VietQR của sạp ngừng hoạt động; lịch sử thu tiền được giữ làm chứng từ.",
              "Chưa xóa được khi bạn còn đơn hàng đang xử lý (là người mua hoặc người bán). Tài khoản cán bộ quản lý do một cán bộ khác đóng.",
            ],
          },
        ],
      },
      {
        id: "security",
        title: "8. Bảo vệ dữ liệu",
        body: [
          "Mật khẩu được băm bằng argon2id; kết nối dùng HTTPS; cookie đăng nhập không đọc được bằng JavaScript; mã xác nhận chỉ lưu dạng băm và có giới hạn số lần thử; chỉ người có nhiệm vụ mới truy cập được dữ liệu. Khi xảy ra sự cố lộ lọt dữ liệu, chúng tôi thông báo cho cơ quan có thẩm quyền trong thời hạn luật định (72 giờ) và báo cho bạn khi sự cố có thể ảnh hưởng tới bạn.",
        ],
      },
      {
        id: "children",
        title: "9. Trẻ em",
        body: ["Chợ Số không dành cho người dưới 16 tuổi tự đăng ký. Dữ liệu của trẻ em chỉ được xử lý khi có sự đồng ý của cha, mẹ hoặc người giám hộ."],
      },
      {
        id: "changes",
        title: "10. Thay đổi thông báo này",
        body: [
          "Mỗi bản đều có số phiên bản và ngày hiệu lực; các bản cũ vẫn xem được. Khi thay đổi điều quan trọng, chúng tôi báo trước và xin lại sự đồng ý của bạn khi pháp luật yêu cầu.",
        ],
      },
    ],
  },
  en: {
    title: "Personal data processing notice",
    summary:
      "We collect only what is needed for you to buy, sell and trace produce; we do not sell data and do no tracking for advertising. You can download all your data and delete your account at any time on the Account page.",
    sections: [
      {
        id: "controller",
        title: "1. Who processes your data",
        body: [
          "{{operatorName}} (tax code {{operatorTaxCode}}, address {{operatorAddress}}) runs the Chợ Số Thái Nguyên marketplace and is the controller and processor of your personal data under the Personal Data Protection Law No. 91/2025/QH15 (in force since 1 January 2026).",
          "Data protection contact: {{operatorEmail}}, phone {{operatorPhone}}, or the Complaints page of this website.",
        ],
      },
      {
        id: "data",
        title: "2. The data we collect",
        body: [
          {
            list: [
              "Account: name, phone number or e-mail, password (stored only as a hash nobody can read), your chosen language.",
              "Orders: recipient name, phone, delivery address, note, items bought, amounts, payment method and delivery status.",
              "Payments: for cards, Stripe handles the card number — we never see or store it; for bank transfers, we receive the memo, amount and transaction reference from the bank-statement service.",
              "Sellers (cooperatives, enterprises, household producers): name, legal name, address, phone, tax code, photo, certificates, cultivation diary and lots. Seller details and trace records are public, because buyers need them and the law requires it.",
              "Market traders: stall number, bank, account number and holder name, takings. A bank account number may be sensitive personal data: it is used only to receive and reconcile payments, and only staff who need it can see it.",
              "Complaints: what you wrote, how to reach you, and our replies.",
              "Technical: a sign-in session cookie, a cart cookie and a language cookie (all needed for the site to work); server logs (IP address, time, path) for security.",
            ],
          },
          "We use no advertising cookies or third-party trackers, and we do not knowingly collect data about health, religion, politics or biometrics.",
        ],
      },
      {
        id: "purposes",
        title: "3. What we use it for, and on which basis",
        body: [
          {
            list: [
              "Creating and keeping your account, signing in safely — based on the consent you give when you sign up.",
              "Fulfilling orders: passing your name, phone and delivery address to the seller of that order — to perform the sales contract you entered into.",
              "Taking payments, refunds, reconciliation, accounting and tax — legal obligations under accounting, tax and e-commerce law.",
              "Sending necessary messages (order updates, delivery, password reset codes, complaint replies) by SMS, Zalo or e-mail as you choose.",
              "Publishing seller details and traceability records for buyers to check.",
              "Receiving and settling complaints; consumer protection.",
              "Security: limiting sign-in attempts, detecting payment fraud.",
            ],
          },
          "We do not sell personal data and do not use it for advertising. Figures shared with the provincial Department of Industry and Trade or published as open data are aggregates without personal data. If we ever want to send promotions, we will ask separately and you may say no.",
        ],
      },
      {
        id: "recipients",
        title: "4. Who receives data",
        body: [
          {
            list: [
              "The sellers in your order: name, phone, delivery address, note.",
              "Stripe, Inc. (United States) when you pay by card: payment data is transferred abroad; we keep the cross-border transfer impact assessment the law requires.",
              "Bank-transfer reconciliation services (such as SePay, Casso) and banks: transfer memo and amount.",
              "SMS, Zalo (ZNS) and e-mail providers: your phone number or e-mail and the message.",
              "The carrier a seller chooses: name, phone, delivery address.",
              "Competent state authorities, when the law requires it.",
            ],
          },
          "Those who process data on our behalf may use it only for the task they were given, under contract.",
        ],
      },
      {
        id: "retention",
        title: "5. How long we keep it",
        body: [
          {
            list: [
              "Account: until you delete your account.",
              "Orders and payment records: 10 years, as the Law on Accounting requires. When you delete your account, the name, phone, address and note on your orders are erased; only the order code, items, amounts and dates remain.",
              "Seller and market stall records: also 10 years after the last sale, as records of the orders sold; once closed they are no longer shown publicly.",
              "Confirmation codes and password reset links: expire after 10 to 30 minutes and are stored only as hashes.",
              "Complaints: until settled and 3 years after.",
              "Server logs: at most 30 days.",
            ],
          },
        ],
      },
      {
        id: "rights",
        title: "6. Your rights",
        body: [
          "Under the Personal Data Protection Law you have the right to: be informed about the processing; consent or refuse, and withdraw consent; see, correct or ask us to correct your data; ask for a copy, erasure or restriction of processing, and object to processing; complain, denounce, sue and claim damages as the law provides.",
          {
            list: [
              "See and correct: the Account page (name, phone, e-mail, password, message channels).",
              "Download all your data: Account → Download my data (a ZIP file with JSON and CSV).",
              "Delete your account (which also withdraws your consent): Account → Delete account. Withdrawal does not affect processing lawfully done before.",
              "Other requests, or if you ordered without an account: e-mail {{operatorEmail}} or use the Complaints page. We answer within the time limits the law sets, usually much sooner.",
            ],
          },
          "If you believe your rights were infringed, you may complain to us and to the personal data protection authority of the Ministry of Public Security.",
        ],
      },
      {
        id: "deletion",
        title: "7. When you delete your account",
        body: [
          "Deleting your account withdraws your consent and cannot be undone. You can download your data first.",
          {
            list: [
              "Erased: your account's name, phone, e-mail and password (you can no longer sign in); your cart, sign-in sessions and codes; on your orders: the recipient's name, phone, address, note and tracking number; your contact details in messages and in complaints you sent.",
              "Kept (the law requires it): orders and payments — order code, items, amounts, dates — for 10 years under the Law on Accounting, no longer linked to your personal details; the text of complaints you sent, so they can be settled; the record of which version of the notice you agreed to, and a log of the deletion.",
              "Sellers: the seller page and products leave the marketplace at once; the seller record (name, legal name, address, phone, tax code), traceability records and lots are kept as records of the orders sold; QR codes on goods already sold keep working.",
              "Market traders: the stall is closed and its VietQR stops working; its takings are kept as accounting records.",
              "Not possible while you have orders in progress (as buyer or seller). A staff account is closed by another staff member.",
            ],
          },
        ],
      },
      {
        id: "security",
        title: "8. How we protect data",
        body: [
          "Passwords are hashed with argon2id; connections use HTTPS; the sign-in cookie cannot be read by JavaScript; confirmation codes are stored only as hashes with limited tries; only staff who need it can access data. If a data breach happens, we notify the competent authority within the legal deadline (72 hours) and tell you when it may affect you.",
        ],
      },
      {
        id: "children",
        title: "9. Children",
        body: ["Chợ Số is not for people under 16 to sign up on their own. Children's data is processed only with the consent of a parent or guardian."],
      },
      {
        id: "changes",
        title: "10. Changes to this notice",
        body: [
          "Each edition has a version number and an effective date; older editions stay readable. When something important changes we tell you beforehand and ask for your consent again where the law requires it.",
        ],
      },
    ],
  },
};

const termsV1: LegalVersion = {
  version: "1.0",
  effective: "2026-12-02",
  vi: {
    title: "Điều khoản sử dụng và Quy chế hoạt động sàn",
    summary:
      "Chợ Số là sàn giao dịch thương mại điện tử: người bán là các hợp tác xã, doanh nghiệp và hộ sản xuất đã được cán bộ tỉnh xác minh; hợp đồng mua bán là giữa bạn và người bán; sàn giữ cho việc mua bán minh bạch và giải quyết khiếu nại.",
    sections: [
      {
        id: "operator",
        title: "1. Sàn và đơn vị vận hành",
        body: [
          "Sàn giao dịch thương mại điện tử Chợ Số Thái Nguyên do {{operatorName}} vận hành; mã số thuế {{operatorTaxCode}}; địa chỉ {{operatorAddress}}; điện thoại {{operatorPhone}}; email {{operatorEmail}}. {{operatorRegistration}}",
          "Quy chế này áp dụng theo Nghị định 52/2013/NĐ-CP về thương mại điện tử (sửa đổi bởi Nghị định 85/2021/NĐ-CP), Luật Thương mại điện tử 2025 (hiệu lực từ 01/07/2026) và Luật Bảo vệ quyền lợi người tiêu dùng 2023.",
        ],
      },
      {
        id: "parties",
        title: "2. Ai tham gia",
        body: [
          {
            list: [
              "Người bán: hợp tác xã, doanh nghiệp, hộ sản xuất nông sản của tỉnh, đã được cán bộ tỉnh xác minh trước khi sản phẩm được hiển thị.",
              "Tiểu thương: người bán tại các chợ 4.0, nhận thanh toán không tiền mặt tại sạp.",
              "Người mua: bất kỳ ai, có hoặc không có tài khoản.",
              "Cán bộ tỉnh: xác minh người bán, kiểm duyệt tin đăng, giải quyết khiếu nại.",
            ],
          },
        ],
      },
      {
        id: "accounts",
        title: "3. Tài khoản",
        body: [
          "Mỗi người một tài khoản, đăng ký bằng số điện thoại hoặc email của chính mình, với thông tin đúng sự thật. Bạn giữ bí mật mật khẩu và mã xác nhận; Chợ Số không bao giờ hỏi mã của bạn. Chúng tôi có thể tạm khóa tài khoản dùng để gian lận hoặc vi phạm pháp luật, và báo lý do cho bạn.",
        ],
      },
      {
        id: "sellers",
        title: "4. Nghĩa vụ của người bán",
        body: [
          {
            list: [
              "Cung cấp và cập nhật: tên, tên pháp lý, địa chỉ, số điện thoại, và mã số thuế. Hợp tác xã và doanh nghiệp bắt buộc có mã số thuế; hộ sản xuất bán nông sản tự làm ra được bán khi chưa có mã số thuế. Những thông tin này hiển thị trên trang người bán.",
              "Mô tả sản phẩm trung thực: nguồn gốc, khối lượng, giá bằng đồng Việt Nam, chứng nhận còn hiệu lực (VietGAP, hữu cơ, OCOP…).",
              "Ghi nhật ký truy xuất đúng sự thật; nhật ký không xóa hay sửa được, chỉ bổ sung bản ghi đính chính.",
              "Tuân thủ an toàn thực phẩm, giao đúng hàng, đúng hẹn; thực hiện nghĩa vụ thuế. Khi sàn thu tiền hộ, sàn khấu trừ và nộp thay thuế của hộ, cá nhân kinh doanh theo quy định về thuế.",
              "Phối hợp giải quyết khiếu nại của người mua trong thời hạn sàn yêu cầu.",
            ],
          },
        ],
      },
      {
        id: "prohibited",
        title: "5. Hàng hóa không được bán",
        body: [
          "Hàng cấm kinh doanh theo pháp luật; hàng giả, hàng không rõ nguồn gốc; thực phẩm không bảo đảm an toàn hoặc hết hạn; sản phẩm gắn chứng nhận không có thật; động vật, thực vật hoang dã thuộc danh mục bảo vệ. Cán bộ tỉnh ẩn tin đăng vi phạm, ghi lại lý do, và có thể đình chỉ người bán.",
        ],
      },
      {
        id: "orders",
        title: "6. Đặt hàng, giá và giao hàng",
        body: [
          "Giá niêm yết bằng đồng Việt Nam. Tổng tiền (hàng và phí giao) hiển thị trước khi bạn đặt; máy chủ tính lại mọi khoản. Mỗi người bán trong giỏ là một phần đơn riêng, với cách nhận hàng bạn chọn: giao tận nơi theo bảng phí, nhận tại cơ sở người bán, hoặc nhận tại chợ. Người bán xác nhận, đóng gói (ghi lô hàng), gửi hàng (hãng vận chuyển, mã vận đơn) và báo đã giao.",
        ],
      },
      {
        id: "payment",
        title: "7. Thanh toán",
        body: [
          "Thẻ (qua Stripe), chuyển khoản VietQR vào tài khoản của sàn với nội dung ghi trên đơn, hoặc tiền mặt khi nhận hàng. Đơn chuyển khoản chưa thanh toán sau 72 giờ tự hủy và hàng được trả về kho. Sàn không lưu số thẻ.",
        ],
      },
      {
        id: "cancel",
        title: "8. Hủy đơn và hoàn tiền",
        body: [
          "Bạn tự hủy đơn khi hàng chưa được gửi đi. Người bán có thể hủy phần đơn của mình và phải ghi lý do. Tiền đã trả bằng thẻ được hoàn về thẻ; tiền chuyển khoản được hoàn vào tài khoản bạn cung cấp. Hàng không đúng mô tả, hư hỏng hoặc thiếu: gửi khiếu nại (mục 10).",
        ],
      },
      {
        id: "trace",
        title: "9. Truy xuất nguồn gốc",
        body: [
          "Trang truy xuất (mã QR trên bao bì) cho thấy nhật ký người bán đã ghi về lô hàng. Nội dung do người bán chịu trách nhiệm; sàn bảo đảm nhật ký không bị sửa sau khi ghi (chuỗi băm có chữ ký). Thấy điều gì sai, hãy gửi khiếu nại về trang truy xuất đó.",
        ],
      },
      {
        id: "complaints",
        title: "10. Khiếu nại và giải quyết tranh chấp",
        body: [
          {
            list: [
              "Gửi khiếu nại tại trang Khiếu nại (về một đơn hàng, một sản phẩm hoặc một trang truy xuất), hoặc qua {{operatorPhone}}, {{operatorEmail}}. Không cần tài khoản.",
              "Bạn nhận ngay mã khiếu nại. Trong 1 ngày làm việc chúng tôi chuyển nội dung cho người bán liên quan; trong 7 ngày làm việc chúng tôi trả lời bạn bằng tin nhắn, kèm kết quả hoặc hướng xử lý.",
              "Nếu chưa thỏa đáng, các bên thương lượng, hòa giải; bạn có thể yêu cầu cơ quan bảo vệ quyền lợi người tiêu dùng hoặc Sở Công Thương hỗ trợ, hoặc đưa tranh chấp ra trọng tài hoặc tòa án theo pháp luật Việt Nam.",
              "Khi có tranh chấp, sàn cung cấp cho người mua thông tin về người bán và hỗ trợ thu thập chứng cứ.",
            ],
          },
        ],
      },
      {
        id: "liability",
        title: "11. Trách nhiệm của sàn",
        body: [
          "Sàn xác minh người bán, công khai thông tin người bán, gỡ tin đăng vi phạm khi phát hiện hoặc được báo, lưu trữ thông tin giao dịch theo quy định, bảo vệ dữ liệu cá nhân (xem Thông báo xử lý dữ liệu cá nhân) và phối hợp với cơ quan nhà nước. Hợp đồng mua bán là giữa người mua và người bán; sàn không phải là người bán, trừ khi ghi rõ khác.",
        ],
      },
      {
        id: "changes",
        title: "12. Thay đổi quy chế; luật áp dụng",
        body: [
          "Mỗi bản có số phiên bản và ngày hiệu lực; thay đổi được báo trên trang web ít nhất 5 ngày trước khi áp dụng. Quy chế này được điều chỉnh bởi pháp luật Việt Nam; bản tiếng Việt có giá trị khi có khác biệt với bản tiếng Anh.",
        ],
      },
    ],
  },
  en: {
    title: "Terms of use and marketplace operating rules",
    summary:
      "Chợ Số is an e-commerce marketplace: sellers are cooperatives, enterprises and household producers verified by provincial staff; the sales contract is between you and the seller; the marketplace keeps trading transparent and handles complaints.",
    sections: [
      {
        id: "operator",
        title: "1. The marketplace and its operator",
        body: [
          "The Chợ Số Thái Nguyên e-commerce marketplace is run by {{operatorName}}; tax code {{operatorTaxCode}}; address {{operatorAddress}}; phone {{operatorPhone}}; e-mail {{operatorEmail}}. {{operatorRegistration}}",
          "These rules follow Decree 52/2013/ND-CP on e-commerce (as amended by Decree 85/2021/ND-CP), the E-commerce Law 2025 (in force from 1 July 2026) and the Consumer Rights Protection Law 2023.",
        ],
      },
      {
        id: "parties",
        title: "2. Who takes part",
        body: [
          {
            list: [
              "Sellers: the province's cooperatives, enterprises and household producers, verified by provincial staff before their products are shown.",
              "Traders: sellers at the 4.0 markets, taking cashless payment at their stall.",
              "Buyers: anyone, with or without an account.",
              "Provincial staff: verify sellers, moderate listings, handle complaints.",
            ],
          },
        ],
      },
      {
        id: "accounts",
        title: "3. Accounts",
        body: [
          "One account per person, registered with your own phone number or e-mail and truthful details. Keep your password and codes secret; Chợ Số never asks for your code. We may suspend an account used for fraud or against the law, and tell you why.",
        ],
      },
      {
        id: "sellers",
        title: "4. Sellers' obligations",
        body: [
          {
            list: [
              "Provide and keep up to date: name, legal name, address, phone and tax code. Cooperatives and enterprises must have a tax code; a household selling produce it grows may sell without one. These details are shown on the seller's page.",
              "Describe products truthfully: origin, weight, price in Vietnamese đồng, certificates in force (VietGAP, organic, OCOP…).",
              "Record traceability truthfully; records cannot be deleted or edited, only corrected by a new record.",
              "Comply with food safety, deliver the right goods on time, and meet tax obligations. Where the marketplace collects payment, it withholds and pays tax on behalf of household and individual sellers as tax rules require.",
              "Help settle buyers' complaints within the time the marketplace asks.",
            ],
          },
        ],
      },
      {
        id: "prohibited",
        title: "5. Goods that may not be sold",
        body: [
          "Goods banned from trade by law; counterfeit goods or goods of unknown origin; unsafe or expired food; products claiming certificates they do not hold; protected wild animals and plants. Provincial staff hide listings that break these rules, record why, and may suspend the seller.",
        ],
      },
      {
        id: "orders",
        title: "6. Orders, prices and delivery",
        body: [
          "Prices are in Vietnamese đồng. The total (goods and delivery) is shown before you order; the server recomputes every amount. Each seller in the cart is a separate part of the order, with the delivery you choose: delivery at the fee in the table, pickup at the seller, or pickup at a market. The seller confirms, packs (noting the lot), ships (carrier, tracking number) and marks it delivered.",
        ],
      },
      {
        id: "payment",
        title: "7. Payment",
        body: [
          "Card (through Stripe), VietQR bank transfer to the marketplace's account with the memo shown on the order, or cash on delivery. Bank-transfer orders unpaid after 72 hours are cancelled and the stock goes back on sale. The marketplace never stores card numbers.",
        ],
      },
      {
        id: "cancel",
        title: "8. Cancellation and refunds",
        body: [
          "You may cancel an order until it has been shipped. A seller may cancel their part of an order and must give a reason. Card payments are refunded to the card; transfers to the account you give. Goods not as described, damaged or missing: file a complaint (section 10).",
        ],
      },
      {
        id: "trace",
        title: "9. Traceability",
        body: [
          "A trace page (the QR code on the pack) shows the records the seller made about the lot. Sellers are responsible for what they record; the marketplace ensures records cannot be altered once written (a signed hash chain). If something looks wrong, file a complaint about that trace page.",
        ],
      },
      {
        id: "complaints",
        title: "10. Complaints and disputes",
        body: [
          {
            list: [
              "File a complaint on the Complaints page (about an order, a product or a trace page), or by {{operatorPhone}}, {{operatorEmail}}. No account needed.",
              "You get a reference at once. Within 1 working day we pass it to the seller concerned; within 7 working days we answer you by message with the outcome or the next steps.",
              "If that does not settle it, the parties negotiate or mediate; you may ask a consumer protection body or the Department of Industry and Trade for help, or take the dispute to arbitration or court under Vietnamese law.",
              "In a dispute the marketplace gives the buyer the seller's details and helps gather evidence.",
            ],
          },
        ],
      },
      {
        id: "liability",
        title: "11. The marketplace's responsibilities",
        body: [
          "The marketplace verifies sellers, publishes their details, removes infringing listings when found or reported, keeps transaction records as required, protects personal data (see the personal data processing notice) and cooperates with the authorities. The sales contract is between buyer and seller; the marketplace is not the seller unless stated otherwise.",
        ],
      },
      {
        id: "changes",
        title: "12. Changes; governing law",
        body: [
          "Each edition has a version number and an effective date; changes are announced on the website at least 5 days before they apply. These rules are governed by Vietnamese law; the Vietnamese text prevails over the English one.",
        ],
      },
    ],
  },
};

export const LEGAL_DOCUMENTS: Record<LegalDocumentKind, LegalVersion[]> = {
  privacy: [privacyV1],
  terms: [termsV1],
};

export function currentVersion(kind: LegalDocumentKind): LegalVersion {
  const list = LEGAL_DOCUMENTS[kind];
  return list[list.length - 1]!;
}

/** The version asked for (e.g. "1.0"), or the current one; undefined for an unknown version. */
export function findVersion(kind: LegalDocumentKind, version?: string | null): LegalVersion | undefined {
  if (!version) return currentVersion(kind);
  return LEGAL_DOCUMENTS[kind].find((v) => v.version === version);
}

/** One section of the current version of a document, in a language (e.g. the deletion rules on /account/delete). */
export function currentSection(kind: LegalDocumentKind, id: string, lang: "vi" | "en"): Section | undefined {
  return currentVersion(kind)[lang].sections.find((s) => s.id === id);
}

/** Fills {{placeholders}}; unknown ones become empty. */
export function fillPlaceholders(text: string, values: Record<string, string>) {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "").trim();
}

export function renderLegalText(text: LegalText, values: Record<string, string>): LegalText {
  const fill = (s: string) => fillPlaceholders(s, values);
  return {
    title: fill(text.title),
    summary: fill(text.summary),
    sections: text.sections.map((s) => ({
      id: s.id,
      title: fill(s.title),
      body: s.body.map((b) => (typeof b === "string" ? fill(b) : { list: b.list.map(fill) })),
    })),
  };
}
