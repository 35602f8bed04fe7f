package dev.asynciolearn.collections;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code gather} on virtual threads gave: every job's result, or the first exception
 * raised while the others finished anyway.
 */
@Schema(oneOf = { GatherResult.Gathered.class, GatherResult.GatherRaised.class })
sealed interface ThreadGatherResult permits GatherResult.Gathered, GatherResult.GatherRaised {

}
