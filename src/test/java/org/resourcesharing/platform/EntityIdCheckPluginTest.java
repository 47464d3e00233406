package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.resourcesharing.platform.EntityIdCheckPlugin.IdCheckedFirst;
import org.resourcesharing.testsupport.TestProcessEngine;

/** Entity ids checked as the engine checks them, the entity written as text only for the error. */
class EntityIdCheckPluginTest {

    private final IdCheckedFirst entityManager = new IdCheckedFirst(null, null);

    @Test
    void anEntityWithAnIdIsNeverWrittenAsText() {
        AtomicInteger writtenAsText = new AtomicInteger();
        ByteArrayEntity entity = new ByteArrayEntity() {
            @Override
            public String toString() {
                writtenAsText.incrementAndGet();
                return super.toString();
            }
        };
        entity.setId("a1b2");

        entityManager.validateId(entity);

        assertThat(writtenAsText).hasValue(0);
    }

    @Test
    void anEntityWithoutAnIdOrWithTheReservedOneIsRefusedWithTheEnginesMessage() {
        ByteArrayEntity withoutId = new ByteArrayEntity("resume.pdf", new byte[0], ResourceTypes.REPOSITORY);
        assertThatThrownBy(() -> entityManager.validateId(withoutId)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity ByteArrayEntity[").hasMessageContaining("name=resume.pdf").hasMessageContaining("id is null");

        ByteArrayEntity reserved = new ByteArrayEntity("resume.pdf", new byte[0], ResourceTypes.REPOSITORY);
        reserved.setId("*");
        assertThatThrownBy(() -> entityManager.validateId(reserved)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("is a reserved identifier");
    }

    @Test
    void theEngineInsertsWithIt() {
        ProcessEngine engine = TestProcessEngine.get();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        Object entityManager = configuration.getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager());

        assertThat(entityManager).isInstanceOf(IdCheckedFirst.class);
    }
}
