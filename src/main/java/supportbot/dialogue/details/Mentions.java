package supportbot.dialogue.details;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the chain and coin mentions of one message add up to. A name that is only a coin (USDT) or only a chain
 * (TRC20) is taken at its word; a dual name (ETH, SOL) fills in whatever the others leave open: "ETH" alone is
 * coin ETH on chain ETH, "USDT on ETH" is coin USDT on chain ETH.
 */
record Mentions(List<String> chains, List<String> coins, List<String> coinsOnly) {

    static Mentions of(List<AliasIndex.Mention> mentions) {
        Set<String> chainOnly = new LinkedHashSet<>();
        Set<String> coinOnly = new LinkedHashSet<>();
        Set<String> dualChains = new LinkedHashSet<>();
        Set<String> dualCoins = new LinkedHashSet<>();
        for (AliasIndex.Mention m : mentions) {
            if (m.dual()) {
                dualChains.add(m.chainId());
                dualCoins.add(m.coinSymbol());
            } else if (m.chainId() != null) {
                chainOnly.add(m.chainId());
            } else {
                coinOnly.add(m.coinSymbol());
            }
        }
        return new Mentions(new ArrayList<>(chainOnly.isEmpty() ? dualChains : chainOnly),
                new ArrayList<>(coinOnly.isEmpty() ? dualCoins : coinOnly), new ArrayList<>(coinOnly));
    }

    boolean oneChain() {
        return chains.size() == 1;
    }

    boolean oneCoin() {
        return coins.size() == 1;
    }
}
