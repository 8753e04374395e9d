package grader.training;

import grader.engine.Engine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** What learner code threw while the grader trained or asked the calculator, explained. */
final class LearnerFailure extends RuntimeException {

    private LearnerFailure(Throwable thrown) {
        super(Engine.explain(thrown), thrown);
    }

    /** {@code calculator}, whose every call throws a {@code LearnerFailure} for whatever the learner's code throws. */
    static Calculator guard(Calculator calculator) {
        return (Calculator) Proxy.newProxyInstance(Calculator.class.getClassLoader(), new Class<?>[] {Calculator.class},
                (proxy, method, arguments) -> {
                    try {
                        return method.invoke(calculator, arguments);
                    } catch (InvocationTargetException e) {
                        throw new LearnerFailure(e.getCause());
                    }
                });
    }
}
