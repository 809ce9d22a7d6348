package io.parkpulse.dashboard.data;

import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.efficiency.counter.BucketGrid;
import io.parkpulse.storage.InfluxClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Series of an enterprise's or the whole park's billing meters: mean power, or consumption per step. */
public final class SeriesService {

    private final PowerSeriesReader power;
    private final ConsumptionSeriesReader consumption;

    public SeriesService(Vertx vertx, InfluxClient influx) {
        this.power = new PowerSeriesReader(influx);
        this.consumption = new ConsumptionSeriesReader(vertx, new CounterReadingStore(vertx, influx));
    }

    /**
     * One value per step of {@code grid} ({@code NaN} where nothing is known) for {@code enterprise}, or for every
     * enterprise of the park when it is {@code null}.
     */
    public Future<double[]> series(ParkModel model, String enterprise, SeriesQuantity quantity, BucketGrid grid) {
        var meters = BillingMeters.of(model, enterprise, quantity);
        if (quantity.isConsumption()) {
            return consumption.read(model, meters, grid);
        }
        return power.read(model.park().id(), enterprise, meters, quantity, grid);
    }
}
