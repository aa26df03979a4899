-- AlterEnum
ALTER TYPE "ReflectiveRecordKind" ADD VALUE 'HCPC_PROFILE';
