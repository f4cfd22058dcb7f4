package io.hitkey.spring.starter.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;

/**
 * Records every observation that stops, with its parent, as a tracer would see them.
 */
public class RecordedObservations implements ObservationHandler<Observation.Context> {

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	@Override
	public void onStop(Observation.Context context) {
		this.stopped.add(context);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	public List<Observation.Context> named(String name) {
		return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
	}

	/**
	 * Return the contexts of the given observation's ancestors, nearest first.
	 */
	public static List<Object> ancestors(Observation.Context context) {
		List<Object> ancestors = new ArrayList<>();
		for (ObservationView parent = context.getParentObservation(); parent != null;
				parent = parent.getContextView().getParentObservation()) {
			ancestors.add(parent.getContextView());
		}
		return ancestors;
	}

	public void clear() {
		this.stopped.clear();
	}

}
