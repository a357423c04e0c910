package org.regdesk.server.portal.internal;

import java.util.Map;

/** The portal's words in Turkish (default) and English. */
final class PortalText {

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("title", new String[] { "Kamu SM Vatandaş İşlemleri", "Kamu SM citizen services" }),
            Map.entry("signIn", new String[] { "Giriş Yap", "Sign in" }),
            Map.entry("signOut", new String[] { "Çıkış", "Sign out" }),
            Map.entry("tckn", new String[] { "T.C. Kimlik No", "Turkish ID number (TCKN)" }),
            Map.entry("password", new String[] { "Parola", "Password" }),
            Map.entry("wrongCredentials", new String[] { "T.C. Kimlik No veya parola yanlış.", "Wrong ID number or password." }),
            Map.entry("tooManyAttempts", new String[] { "Çok fazla hatalı giriş denemesi. Lütfen 10 dakika sonra tekrar deneyin.",
                    "Too many failed sign-ins. Please try again in 10 minutes." }),
            Map.entry("externalIntro", new String[] { "Kimliğinizi kimlik sağlayıcının sayfasında doğrulayın; ardından buraya döneceksiniz.",
                    "Prove who you are on the identity provider's page; you will then come back here." }),
            Map.entry("signedIn", new String[] { "Giriş yapıldı, devam edin", "Signed in, continue" }),
            Map.entry("signedOutHere", new String[] { "Çıkış yapıldı; kimlik sağlayıcıdan da çıkış yapın",
                    "Signed out here; sign out at the identity provider too" }),
            Map.entry("signInSTATE_INVALID", new String[] { "Bu giriş bu tarayıcıda başlatılmadı, kullanıldı ya da süresi doldu. Lütfen yeniden giriş yapın.",
                    "This sign-in was not begun in this browser, was used already or has expired. Please sign in again." }),
            Map.entry("signInCANCELLED", new String[] { "Giriş kimlik sağlayıcıda iptal edildi. Yeniden deneyebilirsiniz.",
                    "The sign-in was cancelled at the identity provider. You can try again." }),
            Map.entry("signInPROVIDER_UNAVAILABLE", new String[] { "Kimlik sağlayıcıya şu anda ulaşılamıyor. Lütfen biraz sonra yeniden deneyin.",
                    "The identity provider cannot be reached now. Please try again in a moment." }),
            Map.entry("signInCODE_REJECTED", new String[] { "Kimlik sağlayıcı bu girişi kabul etmedi (kullanılmış ya da süresi dolmuş). Lütfen yeniden giriş yapın.",
                    "The identity provider did not accept this sign-in (used or expired). Please sign in again." }),
            Map.entry("signInTOKEN_INVALID", new String[] { "Kimlik sağlayıcının yanıtı doğrulanamadı. Lütfen yeniden giriş yapın; sürerse destek birimine bildirin.",
                    "The identity provider's answer could not be verified. Please sign in again; if it persists, tell the help desk." }),
            Map.entry("signInIDENTITY_MISSING", new String[] { "Kimlik sağlayıcı T.C. Kimlik Numaranızı iletmedi. Lütfen destek birimine başvurun.",
                    "The identity provider did not pass on your Turkish ID number. Please contact the help desk." }),
            Map.entry("welcome", new String[] { "Hoş geldiniz", "Welcome" }),
            Map.entry("pinMenu", new String[] { "PIN Oluşturma/Kilit Çözme", "Create PIN / unblock card" }),
            Map.entry("eOnayMenu", new String[] { "E-Onay İşlemleri", "E-Onay (electronic consent)" }),
            Map.entry("pinIntro", new String[] {
                    "Kayıt masasına gittiğinizde görevliye bu doğrulama kodunu söyleyin. Kod 300 saniye geçerlidir ve bir kez kullanılabilir.",
                    "Tell this verification code to the operator at the registry desk. It is valid for 300 seconds and works once." }),
            Map.entry("eOnayIntro", new String[] {
                    "E-Onay ile bundan sonraki nitelikli sertifika başvurularınız ıslak imzalı form gerekmeden işleme alınır. Masada kartınızla imzalamak için kod alın.",
                    "With E-Onay, later qualified certificate applications need no wet-signed form. Get a code to sign the consent with your card at the desk." }),
            Map.entry("getCode", new String[] { "Kod Al", "Get code" }),
            Map.entry("deskCode", new String[] { "Kayıt masası için doğrulama kodu", "Verification code for a registry desk" }),
            Map.entry("deskCodeIntro", new String[] {
                    "Masada bu işlemler için kimliğinizi bu kodla kanıtlayabilirsiniz: görevliye söyleyin. Kod 300 saniye geçerlidir, bir kez ve yalnızca bu işlemler için kullanılabilir.",
                    "At a desk, this code proves who you are for these operations: tell it to the operator. It is valid for 300 seconds and works once, only for these operations." }),
            Map.entry("getNewCode", new String[] { "Tekrar Kod Al", "Get a new code" }),
            Map.entry("yourCode", new String[] { "Doğrulama kodunuz", "Your verification code" }),
            Map.entry("remaining", new String[] { "Kalan Süre", "Time left" }),
            Map.entry("expired", new String[] { "Kodun süresi doldu. Tekrar kod alın.", "The code has expired. Get a new one." }),
            Map.entry("limit", new String[] { "Bir saatte en fazla 5 kod alınabilir. Lütfen daha sonra deneyin.",
                    "At most 5 codes per hour. Please try again later." }),
            Map.entry("statusNone", new String[] { "Henüz masada bir işlem yapılmadı.", "Nothing has been done at a desk yet." }),
            Map.entry("statusOPEN", new String[] { "Masada işleminiz sürüyor.", "Your operation is in progress at the desk." }),
            Map.entry("statusOTP_VERIFIED", new String[] { "SMS doğrulandı; kartınız yazılıyor.", "SMS confirmed; your card is being written." }),
            Map.entry("statusCOMPLETED", new String[] { "İşleminiz tamamlandı. PIN'iniz kartınıza yazıldı.",
                    "Done. Your new PIN is on your card." }),
            Map.entry("statusCOMPLETED_E_ONAY", new String[] { "İşleminiz tamamlandı. E-Onay kaydınız güncellendi.",
                    "Done. Your E-Onay record is updated." }),
            Map.entry("codeUsed", new String[] { "Bu kod masada kullanıldı; bir daha kullanılamaz. Yeni bir işlem için tekrar kod alın.",
                    "This code was used at the desk and cannot be used again. Get a new code for another visit." }),
            Map.entry("statusFAILED", new String[] { "İşlem tamamlanamadı. Lütfen masadaki görevliye başvurun.",
                    "The operation did not complete. Please ask the operator." }),
            Map.entry("statusABORTED", new String[] { "İşlem masada iptal edildi.", "The operation was cancelled at the desk." }),
            Map.entry("eOnayNone", new String[] { "E-Onay vermediniz.", "You have not given E-Onay." }),
            Map.entry("eOnayGIVEN", new String[] { "E-Onay verdiniz.", "You have given E-Onay." }),
            Map.entry("eOnayWITHDRAWN", new String[] { "E-Onay'ı geri çektiniz.", "You have withdrawn E-Onay." }),
            Map.entry("currentStatus", new String[] { "Güncel durum", "Current status" }),
            Map.entry("back", new String[] { "Ana sayfa", "Home" }),
            Map.entry("language", new String[] { "English", "Türkçe" }),
            Map.entry("badRequest", new String[] { "Form süresi doldu; lütfen sayfayı yenileyip tekrar deneyin.",
                    "The form has expired; please reload the page and try again." }));

    private PortalText() {
    }

    static boolean has(String key) {
        return TEXT.containsKey(key);
    }

    static String get(String key, boolean english) {
        String[] both = TEXT.get(key);
        if (both == null) {
            throw new IllegalArgumentException("no portal text " + key);
        }
        return both[english ? 1 : 0];
    }
}
