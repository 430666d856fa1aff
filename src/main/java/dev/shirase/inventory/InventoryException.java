package dev.shirase.inventory;

import java.util.List;
import java.util.stream.Collectors;

/** An inventory that cannot be used as written; the message lists every problem with file, line and key. */
public class InventoryException extends RuntimeException {

    private final transient List<InventoryProblem> problems;

    public InventoryException(List<InventoryProblem> problems) {
        super(problems.stream().map(InventoryProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InventoryException(InventoryProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problems = List.of(problem);
    }

    public List<InventoryProblem> problems() {
        return problems;
    }
}
