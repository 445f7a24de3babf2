package supportbot.dialogue.details;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Which chains a token could be an address or a transaction hash of. The config lists chains in order of
 * preference; chains sharing one pattern (the EVM chains) form a family that a token alone cannot tell apart.
 */
final class ChainFormats {
    private final List<ChainSpec> chains;

    ChainFormats(List<ChainSpec> chains) {
        this.chains = List.copyOf(chains);
    }

    List<ChainSpec> all() {
        return chains;
    }

    Optional<ChainSpec> byId(String id) {
        return chains.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    List<ChainSpec> addressMatches(String token) {
        return chains.stream().filter(c -> c.isAddress(token)).toList();
    }

    List<ChainSpec> txHashMatches(String token) {
        return chains.stream().filter(c -> c.isTxHash(token)).toList();
    }

    /** The preferred chain for this address and every chain with the same format; empty if none fits. */
    List<ChainSpec> addressFamily(String token) {
        return family(token, ChainSpec::addressPattern, ChainSpec::isAddress);
    }

    List<ChainSpec> txHashFamily(String token) {
        return family(token, ChainSpec::txHashPattern, ChainSpec::isTxHash);
    }

    private List<ChainSpec> family(String token, java.util.function.Function<ChainSpec, Pattern> pattern,
                                   BiPredicate<ChainSpec, String> fits) {
        Optional<ChainSpec> first = chains.stream().filter(c -> fits.test(c, token)).findFirst();
        if (first.isEmpty()) {
            return List.of();
        }
        Pattern p = pattern.apply(first.get());
        return chains.stream()
                .filter(c -> pattern.apply(c).pattern().equals(p.pattern()) && pattern.apply(c).flags() == p.flags())
                .toList();
    }
}
