package io.socketchat.accounts;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A damaged accounts file is the operator's to mend: Boot's start-up report says which
 * file and what to do, instead of a stack trace of beans.
 */
class DamagedAccountsAnalyzer extends AbstractFailureAnalyzer<DamagedAccountsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DamagedAccountsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Restore " + cause.file() + " from a backup, or move it away to start with no accounts.", cause);
    }

}
