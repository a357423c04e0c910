package org.regdesk.card.reference;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.utils.AIDUtil;

/** New reference cards on jCardSim, with the applet installed and the reference ATR. */
public final class ReferenceCards {

    /** ATR of the reference card: T=1, historical bytes "RegDesk" (which drivers match on), check byte. */
    public static final byte[] ATR = atr("RegDesk".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private ReferenceCards() {
    }

    /** A card straight from the factory: applet installed, not yet personalized. */
    public static CardSimulator newCard() {
        // jCardSim reads its ATR from one JVM-wide system property; each card answers its own instead.
        CardSimulator card = new CardSimulator() {
            @Override
            public byte[] getATR() {
                return ATR.clone();
            }
        };
        card.installApplet(AIDUtil.create(ReferenceCardProfile.AID), ReferenceCardApplet.class);
        return card;
    }

    private static byte[] atr(byte[] historical) {
        // TS=3B (direct), T0=8k (TD1 follows, k historical bytes), TD1=01 (T=1), history, TCK.
        byte[] atr = new byte[3 + historical.length + 1];
        atr[0] = 0x3B;
        atr[1] = (byte) (0x80 | historical.length);
        atr[2] = 0x01;
        System.arraycopy(historical, 0, atr, 3, historical.length);
        byte check = 0;
        for (int i = 1; i < atr.length - 1; i++) {
            check ^= atr[i];
        }
        atr[atr.length - 1] = check;
        return atr;
    }
}
